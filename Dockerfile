FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# WeasyPrint (sign-off receipts and clearance copies as PDF, docs/adr/0020) needs Pango
# and HarfBuzz, and fonts for every script a statement is written in (CJK included).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
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
