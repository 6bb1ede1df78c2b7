from anzen.cli.main import main

raise SystemExit(main())
