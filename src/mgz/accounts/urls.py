from __future__ import annotations

from django.urls import path

from mgz.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("tweede-factor/instellen/", views.otp_setup, name="otp_setup"),
    path("tweede-factor/", views.otp_verify, name="otp_verify"),
]
