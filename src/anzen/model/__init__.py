"""Typed models of what a flow, checklist or source file may say (one declaration each)."""
