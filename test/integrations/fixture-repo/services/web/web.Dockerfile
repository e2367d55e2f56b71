FROM nginx
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext-base \
    && rm -rf /var/lib/apt/lists/*
ADD site.tar.gz /usr/share/nginx/html
EXPOSE 80
