"""The council's web console, served by the platform: `pages.install(app, db)`."""
