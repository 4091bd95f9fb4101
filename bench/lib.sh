# Shared by the benchmarks (pages.sh, synthese.sh, search.sh, search-compare.sh): tools,
# ports, medians, readiness, the search queries, and the reference — the same page's bytes
# served by nginx (gzip on the fly, and gzip_static) — measured against alliances in
# alternating wrk runs. Source it after `cd` to the root; set WORK, DURATION, RUNS and
# CONNECTIONS before calling what uses them.

# Installs what is missing (Debian packages).
need_tools() { # wrk, nginx, curl, bc; sets NGINX
  local need=()
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v bc >/dev/null 2>&1 || need+=(bc)
  if [ ${#need[@]} -gt 0 ]; then
    local s=""; [ "$(id -u)" = 0 ] || s="sudo"
    $s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq "${need[@]}"
  fi
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# Installs, with apt-get, the Debian package of each missing command: "command:package" pairs
# (the package is the command's name when no ":package" is given).
install_missing() {
  local need=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
  done
  if [ ${#need[@]} -gt 0 ]; then
    local s=""; [ "$(id -u)" = 0 ] || s="sudo"
    $s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq "${need[@]}"
  fi
}

now() { date +%s.%N; }
# Waits for /readyz on a port; fails (with the end of the server's log) if the server stops
# or is not ready within READY_TIMEOUT seconds (default 600: a first start on a large corpus
# builds its index), instead of hanging.
wait_ready() { # port pid -> seconds waited
  local start deadline; start=$(now); deadline=$((SECONDS + ${READY_TIMEOUT:-600}))
  until curl -fs --max-time 5 "http://127.0.0.1:$1/readyz" >/dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { echo "le serveur du port $1 s'est arrêté :" >&2; tail -n 3 "$WORK/server.log" >&2; exit 1; }
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "le serveur du port $1 n'est pas prêt après ${READY_TIMEOUT:-600} s :" >&2; tail -n 3 "$WORK/server.log" >&2; kill "$2" 2>/dev/null; exit 1
    fi
    sleep 0.005
  done
  echo "$(now) - $start" | bc -l
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# A wrk script that requests the search benchmark's paths in turn (alliances-bench paths).
queries_lua() { # paths-file -> lua on stdout
  echo 'local paths = {'
  sed 's/.*/  "&",/' "$1"
  echo '}'
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
}
rps() { # url -> requests/s
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -H 'Accept-Encoding: gzip' "$1" | awk '/Requests\/sec/ {print $2}'
}

# Saves the page at $1 from the alliances server on port $2 and serves the same bytes with
# nginx on two new ports: PN (gzip on the fly) and PS (gzip_static, pre-compressed file).
nginx_reference() { # path port
  local page=$1 file="$WORK/www$1.html"
  mkdir -p "$(dirname "$file")" "$WORK/tmp"
  curl -fs "http://127.0.0.1:$2$page" -o "$file"
  gzip -9 -k -c "$file" > "$file.gz"
  PN=$(free_port); PS=$(free_port)
  cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp; uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  types { text/html html; }
  # The reference: the same bytes, compressed on the fly (nginx's usual gzip setup).
  server {
    listen 127.0.0.1:$PN;
    gzip on; gzip_min_length 0;
    location = $page { default_type text/html; alias $file; }
  }
  # A second reference: the same bytes pre-compressed on disk (gzip_static).
  server {
    listen 127.0.0.1:$PS;
    gzip_static on;
    location = $page { default_type text/html; alias $file; }
  }
}
NGINX
  "$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/nginx-error.log"
  for url in "http://127.0.0.1:$2$page" "http://127.0.0.1:$PN$page" "http://127.0.0.1:$PS$page"; do
    local enc size
    enc=$(curl -fs -D - -o /dev/null -H 'Accept-Encoding: gzip' "$url" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding" {print $2}')
    size=$(curl -fs -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$url")
    echo "   $url → ${enc:-identity}, $size bytes on the wire"
  done
  cmp <(curl -fs "http://127.0.0.1:$2$page") <(curl -fs "http://127.0.0.1:$PN$page") && echo "   identical bytes from alliances and nginx"
}

stop_nginx() { [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; }

# Alternating runs of alliances (port $2, page cache on), nginx (PN, PS) and alliances
# without the page cache (port $3) on the page $1; prints each run, the medians and ratios.
compare_throughput() { # path cached-port uncached-port
  local page=$1 a=() n=() s=() u=() ma mn ms mu
  for i in $(seq 1 "$RUNS"); do
    a+=("$(rps "http://127.0.0.1:$2$page")")
    n+=("$(rps "http://127.0.0.1:$PN$page")")
    s+=("$(rps "http://127.0.0.1:$PS$page")")
    u+=("$(rps "http://127.0.0.1:$3$page")")
    echo "   run $i: alliances ${a[-1]} · nginx gzip ${n[-1]} · nginx gzip_static ${s[-1]} · alliances without page cache ${u[-1]} req/s"
  done
  ma=$(median "${a[@]}"); mn=$(median "${n[@]}"); ms=$(median "${s[@]}"); mu=$(median "${u[@]}")
  echo "== $page medians (req/s): alliances $ma · nginx (gzip on the fly) $mn · nginx (gzip_static) $ms · alliances without page cache $mu"
  printf '== Ratio alliances / nginx gzip: %.2f   (/ nginx gzip_static: %.2f; uncached alliances / nginx gzip: %.2f)\n' \
    "$(echo "$ma / $mn" | bc -l)" "$(echo "$ma / $ms" | bc -l)" "$(echo "$mu / $mn" | bc -l)"
}
