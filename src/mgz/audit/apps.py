from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "mgz.audit"
    verbose_name = "Auditlog"
