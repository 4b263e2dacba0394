FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements/base.lock requirements/base.lock
RUN pip install --no-cache-dir --require-hashes -r requirements/base.lock
COPY . .
# Build-time values only: production settings refuse to start without real ones.
RUN export DJANGO_SETTINGS_MODULE=config.settings.production \
      SECRET_KEY=build-time-only-build-time-only-build-time-only-build-time \
      ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    && python manage.py compile_catalogs && python manage.py collectstatic --noinput
RUN useradd --system --home /app communique && mkdir -p var/media && chown -R communique var
USER communique
