"""MGZ platform: medisch-generalistische zorg for Wlz patients, as the 2024 covenant asks."""
