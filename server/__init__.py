"""The central platform of the city council: the FastAPI service offices sync with."""
