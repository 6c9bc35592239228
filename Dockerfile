# lundao in HTTP mode: `docker build -t lundao .` then see compose.yaml (the app plus PostgreSQL).
# The knowledge base is package data, so `pip install .` bakes it into the image; `lundao corpus check`
# fails the build if it does not load, and one search saves the index's cache into the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    LUNDAO_CACHE_DIR=/opt/lundao-cache \
    LUNDAO_INDEX_DIR=/opt/lundao-cache/index

WORKDIR /app
# Only what the package is built from: tests, benches and docs stay out of the image.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY config ./config
# The search index (LUNDAO_INDEX_DIR), its lexicon and segmentations (LUNDAO_CACHE_DIR) are saved by the first search:
# baked in here, so a container starts without running jieba over the corpus.
RUN pip install --no-cache-dir . \
    && lundao corpus check \
    && lundao index build \
    && lundao search 开源模型 > /dev/null \
    && chmod -R a+rX /opt/lundao-cache

# A fixed uid so a mounted /data volume can be owned by it; the SQLite default lives there.
RUN groupadd --system --gid 10001 lundao \
    && useradd --system --uid 10001 --gid lundao --home-dir /app --shell /usr/sbin/nologin lundao \
    && mkdir -p /data \
    && chown lundao:lundao /data
# Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001

ENV PORT=8000 \
    LUNDAO_DATA_DIR=/data
EXPOSE 8000

# /healthz answers as soon as the port is bound (the index may still be loading); readiness is /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]

# Migrations first (safe from several containers at once: they take a lock), then the server.
CMD ["sh", "-c", "lundao db upgrade && exec lundao run"]
