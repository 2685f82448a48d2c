"""Hromada Desk: the offline-first desktop app of liaison offices and CSO hubs."""

__version__ = "0.1.0"
APP_NAME = "Hromada Desk"
APP_ID = "HromadaDesk"
ORG_NAME = "Hromada"
