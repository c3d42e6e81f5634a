from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("account/", include("mgz.accounts.urls")),
    path("regiotafel/", include("mgz.regiotafel.urls")),
    path("", include("mgz.web.urls")),
]
