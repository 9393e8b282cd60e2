#!/bin/sh
# activate.sh: obtain a DataSync agent's activation key over the agent's port 80, for activation
# through a private (PrivateLink) or FIPS private VPC endpoint.
#
# POSIX sh + curl; runs under dash, busybox sh and bash. It works both as `sh activate.sh` and with
# its text passed to `/bin/sh -c`, so it never uses $0 or its own path.
#
# Environment (the whole interface):
#   AGENT_ADDRESS                        agent host, or host:port (tunnel, load balancer)   required
#   ACTIVATION_REGION                    Region of the DataSync endpoint                    required
#   ENDPOINT_TYPE                        PRIVATE_LINK | FIPS_PRIVATE_LINK         default PRIVATE_LINK
#   PRIVATE_LINK_ENDPOINT                private IPv4 of the endpoint's network interface   required
#   ACTIVATION_TIMEOUT_SECONDS           overall deadline                             default 600
#   ACTIVATION_REQUEST_TIMEOUT_SECONDS   per request          default 10 (or the overall deadline if shorter)
#
# stdout: the activation key alone, one line. stderr: progress for a person; never the key.
# Exit status: 0 key printed; 1 local problem (curl or a temp directory missing); 2 bad arguments;
#   3 deadline passed; 4 the agent gave a hard error (unexpected status, malformed key, an errorType
#   other than PRIVATE_LINK_ENDPOINT_UNREACHABLE).
#
# Retries, until the deadline, each after a fixed pause that follows the attempt, so attempts never
# come closer together than the pause:
#   0.5 s (at most 2 requests/s) while nothing usable answers: connection refused/reset, timeouts,
#         empty replies, HTTP 502/503/504 (a load balancer in front of a booting agent);
#   5 s   (at most 1 request per 5 s) while the agent reports PRIVATE_LINK_ENDPOINT_UNREACHABLE, in a
#         redirect's Location or in the body, whatever the HTTP status.
# Pauses never pass the deadline; each request's --max-time is clamped to the time left.

set +x  # a trace would print the key
set -u
LC_ALL=C
export LC_ALL

# Proxies would see (and could log) the key, and cannot reach a private agent anyway.
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY 2>/dev/null || :

nl='
'

# Nothing listens yet (a booting VM): a refused connection costs the agent one SYN and one RST, so
# polling every half second keeps the key within about half a second of port 80 opening.
down_pause_ms=500
# The agent answers, but each request makes it try the endpoint again; the causes (an endpoint still
# pending, routes or rules propagating, a blocked port) change over tens of seconds, so asking every
# 5 s costs little latency and keeps the agent from probing back to back.
unreachable_pause_ms=5000
connect_timeout=5

say() {
    printf 'activate: %s\n' "$*" >&2
}

# Key-shaped strings (5 groups of 5 letters/digits) become <redacted>; case-insensitive on purpose.
redact() {
    sed 's/[A-Za-z0-9]\{5\}\(-[A-Za-z0-9]\{5\}\)\{4\}/<redacted>/g'
}

# One printable, redacted line of at most $1 characters (default 300) from stdin, "..." if cut.
one_line() {
    _max=${1:-300}
    _s=$(dd bs=4096 count=1 2>/dev/null | tr -c ' -~' ' ' | tr -s ' ' | redact)
    _s=${_s# }
    _s=${_s% }
    if [ "${#_s}" -gt "$_max" ]; then
        _s="$(printf '%s' "$_s" | cut -c "1-$_max")..."
    fi
    printf '%s' "$_s"
}

# A value given by the user, shown safely in a message.
show() {
    printf '%s' "$1" | one_line 120
}

# The agent's answer in a file, quoted for a message.
quote_file() {
    if [ -s "$1" ]; then
        printf '"%s"' "$(one_line <"$1")"
    else
        printf '(empty body)'
    fi
}

# Does $1 (a single line) match the extended regular expression $2?
matches() {
    case $1 in *"$nl"*) return 1 ;; esac
    printf '%s\n' "$1" | grep -Eq "$2"
}

is_key() {
    _c='[ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789]'
    _g="$_c$_c$_c$_c$_c"
    # shellcheck disable=SC2254 # the pattern is meant as a glob
    case $1 in
        $_g-$_g-$_g-$_g-$_g) return 0 ;;
    esac
    return 1
}

is_port() {
    matches "$1" '^[1-9][0-9]{0,4}$' && [ "$1" -le 65535 ]
}

is_hostname() {
    matches "$1" '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$'
}

is_ipv4() {
    matches "$1" '^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$' || return 1
    _old_ifs=$IFS
    IFS=.
    # shellcheck disable=SC2086 # split on dots on purpose; the value holds digits and dots only
    set -- $1
    IFS=$_old_ifs
    for _o in "$@"; do
        [ "$_o" -le 255 ] || return 1
    done
    return 0
}

# ---------------------------------------------------------------------------------------------
# Validation: every problem is reported, then exit 2, before any request.

invalid() {
    say "$1"
    bad=1
}

check_address() {
    _rule='a host name or IPv4 address, optionally followed by :port (1-65535), with no scheme, path, user or spaces (e.g. 192.0.2.10 or agent-tunnel.example.internal:8080)'
    if [ -z "$address" ]; then
        invalid "AGENT_ADDRESS is required: $_rule"
        return
    fi
    address_host=$address
    _problem=
    case $address in
        *://*) _problem='has a scheme' ;;
        */*) _problem='has a path' ;;
        *[[:space:]]*) _problem='contains whitespace' ;;
        *@*) _problem='has a user part' ;;
        *:*)
            address_host=${address%%:*}
            is_port "${address#*:}" || _problem='has a bad port'
            ;;
    esac
    if [ -z "$_problem" ] && ! is_hostname "$address_host"; then
        _problem='has a bad host'
    fi
    if [ -n "$_problem" ]; then
        invalid "AGENT_ADDRESS='$(show "$address")' $_problem: expected $_rule"
    fi
}

check_region() {
    if [ -z "$region" ]; then
        invalid "ACTIVATION_REGION is required: the Region of the DataSync VPC endpoint, e.g. us-east-1"
    elif ! matches "$region" '^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$'; then
        invalid "ACTIVATION_REGION='$(show "$region")' is not a Region name: expected e.g. us-east-1, eu-central-2 or us-gov-west-1 (lower case, no Availability Zone letter)"
    fi
}

check_endpoint() {
    case $endpoint_type in
        PRIVATE_LINK | FIPS_PRIVATE_LINK) ;;
        *) invalid "ENDPOINT_TYPE='$(show "$endpoint_type")' is not allowed: expected PRIVATE_LINK (the default) or FIPS_PRIVATE_LINK" ;;
    esac
    if [ -z "$endpoint_ip" ]; then
        invalid "PRIVATE_LINK_ENDPOINT is required: the private IPv4 address of the DataSync VPC endpoint's network interface, e.g. 192.0.2.20"
    elif ! is_ipv4 "$endpoint_ip"; then
        invalid "PRIVATE_LINK_ENDPOINT='$(show "$endpoint_ip")' is not an IPv4 address: expected four dot-separated numbers 0-255 without leading zeros, e.g. 192.0.2.20"
    fi
}

check_timeouts() {
    _ok=1
    if ! matches "$overall" '^[1-9][0-9]{0,8}$'; then
        invalid "ACTIVATION_TIMEOUT_SECONDS='$(show "$overall")' is not allowed: expected a positive whole number of seconds (default 600)"
        _ok=0
    fi
    if ! matches "$request_timeout" '^[1-9][0-9]{0,8}$'; then
        invalid "ACTIVATION_REQUEST_TIMEOUT_SECONDS='$(show "$request_timeout")' is not allowed: expected a positive whole number of seconds (default 10)"
        _ok=0
    fi
    if [ "$_ok" -eq 1 ] && [ "$request_timeout" -gt "$overall" ]; then
        if [ -z "${ACTIVATION_REQUEST_TIMEOUT_SECONDS:-}" ]; then
            request_timeout=$overall  # the default never exceeds a short overall deadline
        else
            invalid "ACTIVATION_REQUEST_TIMEOUT_SECONDS='$request_timeout' is not allowed: it must not exceed ACTIVATION_TIMEOUT_SECONDS ($overall)"
        fi
    fi
}

validate_inputs() {
    bad=0
    address=${AGENT_ADDRESS:-}
    region=${ACTIVATION_REGION:-}
    endpoint_type=${ENDPOINT_TYPE:-PRIVATE_LINK}
    endpoint_ip=${PRIVATE_LINK_ENDPOINT:-}
    overall=${ACTIVATION_TIMEOUT_SECONDS:-600}
    request_timeout=${ACTIVATION_REQUEST_TIMEOUT_SECONDS:-10}
    check_address
    check_region
    check_endpoint
    check_timeouts
    if [ "$bad" -ne 0 ]; then
        exit 2
    fi
}

require_curl() {
    if ! command -v curl >/dev/null 2>&1; then
        say "curl is required and was not found on PATH"
        exit 1
    fi
}

# ---------------------------------------------------------------------------------------------
# Temp files (the body holds the key): private directory, removed on every exit.

tmp=
sleep_pid=
cleanup() {
    if [ -n "$sleep_pid" ]; then
        kill "$sleep_pid" 2>/dev/null || :
    fi
    if [ -n "$tmp" ]; then
        rm -rf "$tmp"
    fi
}

make_private_dir() {
    trap cleanup EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
    umask 077
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/activate.XXXXXX" 2>/dev/null) || tmp=
    if [ -z "$tmp" ]; then
        tmp="${TMPDIR:-/tmp}/activate.$$.$(date +%s)"
        if ! mkdir "$tmp" 2>/dev/null; then
            tmp=
            say "cannot create a private temporary directory under ${TMPDIR:-/tmp}"
            exit 1
        fi
    fi
    body="$tmp/body"
    headers="$tmp/headers"
    curl_err="$tmp/curl-stderr"
    # Fractional sleep works with GNU coreutils and busybox; elsewhere round up to whole seconds.
    if sleep 0.01 2>/dev/null; then
        fractional_sleep=1
    else
        fractional_sleep=0
    fi
}

# Sleep $1 milliseconds, interruptibly (a signal runs the traps at once).
sleep_ms() {
    if [ "$fractional_sleep" -eq 1 ]; then
        _arg=$(printf '%d.%03d' "$(($1 / 1000))" "$(($1 % 1000))")
    else
        _arg=$((($1 + 999) / 1000))
    fi
    sleep "$_arg" &
    sleep_pid=$!
    wait "$sleep_pid"
    sleep_pid=
}

# ---------------------------------------------------------------------------------------------
# Outcomes.

succeed() {
    printf '%s\n' "$1"
    say "agent $address: activation key received (attempt $attempt, $((now - start)) s); it expires 30 minutes after it was issued and can be used once"
    exit 0
}

hard_error() {
    say "agent $address: $1"
    say "giving up: this is not an error worth retrying (attempt $attempt, $((now - start)) s)"
    exit 4
}

give_up() {
    say "no activation key from agent $address after $((now - start)) s and $attempt attempt(s) (ACTIVATION_TIMEOUT_SECONDS=$overall); last seen: $last_desc"
    case $last_kind in
        unreachable)
            say "the agent answers on port 80 but cannot reach the DataSync VPC endpoint at $endpoint_ip. Check:"
            say "  - security groups, network ACLs and firewalls allow TCP 443 and TCP 1024-1064 from the agent to $endpoint_ip (and the return traffic)"
            say "  - the routes between the agent's network and the endpoint's subnet, both ways (peering, transit gateway, VPN or Direct Connect)"
            say "  - the endpoint's state is available, not pending, and it is in ACTIVATION_REGION ($region) with private DNS disabled"
            ;;
        *)
            say "nothing usable came back from port 80 of $address. Check:"
            say "  - the agent may still be booting (an EC2 agent takes a few minutes before port 80 opens)"
            say "  - TCP port 80 of the agent must be reachable from this host (security groups, firewalls, routes, the address or tunnel in AGENT_ADDRESS)"
            say "  - port 80 closes once the agent is activated; after DeleteAgent the same agent reopens it only after about 3 minutes"
            ;;
    esac
    exit 3
}

# A retryable outcome of kind $1 (network or unreachable): log it (not every time), then pause
# for that kind, never past the deadline.
retry() {
    last_kind=$1
    last_desc=$2
    if [ "$attempt" -le 3 ] || [ "$last_desc" != "$logged_desc" ] || [ $((now - logged_at)) -ge 10 ]; then
        say "agent $address: $last_desc, retrying (attempt $attempt, $((now - start)) s of $overall s)"
        logged_desc=$last_desc
        logged_at=$now
    fi
    _pause=$down_pause_ms
    [ "$last_kind" != unreachable ] || _pause=$unreachable_pause_ms
    _left_ms=$(((deadline - now) * 1000))
    [ "$_left_ms" -gt 0 ] || return 0
    [ "$_pause" -le "$_left_ms" ] || _pause=$_left_ms
    sleep_ms "$_pause"
}

# ---------------------------------------------------------------------------------------------
# Reading an answer.

# The key from a 200 body: one token once surrounding whitespace is trimmed.
key_from_body() {
    _size=$(wc -c <"$body")
    [ "$_size" -le 1024 ] || return 1
    set -f
    # shellcheck disable=SC2046 # word splitting trims the whitespace; globbing is off
    set -- $(tr '\r\t\v\f' '    ' <"$body")
    set +f
    [ "$#" -eq 1 ] && is_key "$1" || return 1
    key=$1
}

# Sets location (the last Location header, any status) and, from its query string, redirect_key,
# redirect_key_seen and error_type (first occurrences).
read_location() {
    location=$(sed -n 's/^[Ll][Oo][Cc][Aa][Tt][Ii][Oo][Nn]:[[:space:]]*//p' "$headers" | tr -d '\r' | tail -n 1)
    _query=
    case $location in *\?*) _query=${location#*\?} ;; esac
    _query=${_query%%#*}
    redirect_key=
    redirect_key_seen=0
    error_type=
    _old_ifs=$IFS
    IFS='&'
    set -f
    # shellcheck disable=SC2086 # split on & on purpose; globbing is off
    set -- $_query
    set +f
    IFS=$_old_ifs
    for _p in "$@"; do
        case $_p in
            activationKey=*) [ "$redirect_key_seen" -eq 1 ] || { redirect_key=${_p#*=}; redirect_key_seen=1; } ;;
            errorType=*) [ -n "$error_type" ] || error_type=${_p#*=} ;;
        esac
    done
}

# Does the answer report PRIVATE_LINK_ENDPOINT_UNREACHABLE, as a whole word, in its Location or body?
reports_unreachable() {
    _marker='(^|[^A-Za-z0-9_])PRIVATE_LINK_ENDPOINT_UNREACHABLE([^A-Za-z0-9_]|$)'
    printf '%s\n' "$location" | grep -Eq "$_marker" && return 0
    grep -Eq "$_marker" "$body" 2>/dev/null
}

quoted_location() {
    printf 'Location "%s"' "$(printf '%s' "$location" | one_line)"
}

# The agent answered (HTTP status $code). A key ends the script. PRIVATE_LINK_ENDPOINT_UNREACHABLE
# is retried whatever the status: AWS documents the no_redirect request's success (200, the key as
# the body) but not how it reports errors. There is no fallback to the redirect form (a request
# without no_redirect): an agent that ignores no_redirect answers 302, which is read here anyway,
# and an Enhanced-mode agent closes the connection on the redirect form (terraform-provider-aws
# issue 46957), which would hide the agent's answer behind an empty reply.
handle_answer() {
    key=
    if [ "$code" = 200 ] && key_from_body; then
        succeed "$key"
    fi
    read_location
    case $code in
        3[0-9][0-9])
            if [ "$redirect_key_seen" -eq 1 ]; then
                is_key "$redirect_key" && succeed "$redirect_key"
                hard_error "answered HTTP $code with a malformed activationKey in its redirect: $(quoted_location)"
            fi
            ;;
    esac
    if reports_unreachable; then
        retry unreachable "the agent cannot reach the DataSync endpoint $endpoint_ip (HTTP $code reporting PRIVATE_LINK_ENDPOINT_UNREACHABLE)"
        return
    fi
    case $code in
        200) hard_error "answered HTTP 200 but the body is not an activation key (expected 5 groups of 5 characters A-Z 0-9 joined by '-'): $(quote_file "$body")" ;;
        3[0-9][0-9]) redirect_error ;;
        000 | '') retry network "no HTTP answer" ;;
        # A load balancer or tunnel in front of a booting agent (addressOverride) answers these
        # until the agent listens; the agent itself never does.
        502 | 503 | 504) retry network "HTTP $code from a proxy or load balancer in front of the agent" ;;
        *) hard_error "answered HTTP $code, expected 200 with an activation key or a redirect carrying one: $(quote_file "$body")" ;;
    esac
}

# A redirect without a key and without PRIVATE_LINK_ENDPOINT_UNREACHABLE.
redirect_error() {
    if [ -z "$error_type" ]; then
        hard_error "answered HTTP $code without activationKey or errorType in its redirect: $(quoted_location)"
    fi
    hard_error "refused activation: errorType=$(show "$error_type") ($(quoted_location)); check ACTIVATION_REGION ($region), ENDPOINT_TYPE ($endpoint_type) and PRIVATE_LINK_ENDPOINT ($endpoint_ip), and that this agent was not activated already"
}

# curl exited with status $rc before an HTTP answer.
handle_curl_failure() {
    case $rc in
        6) retry network "could not resolve the host name ($(show "$address_host"))" ;;
        7)
            if grep -qi 'refused' "$curl_err" 2>/dev/null; then
                retry network "connection refused"
            elif grep -qi 'no route' "$curl_err" 2>/dev/null; then
                retry network "no route to host"
            elif grep -qi 'unreachable' "$curl_err" 2>/dev/null; then
                retry network "network unreachable"
            else
                retry network "could not connect (connection refused or unreachable)"
            fi
            ;;
        28) retry network "timed out after $max_time s" ;;
        52) retry network "empty reply (the connection closed without an answer)" ;;
        55) retry network "connection reset while sending the request" ;;
        56) retry network "connection reset" ;;
        18) retry network "connection closed before the reply was complete" ;;
        35) retry network "TLS/SSL connect error" ;;
        63) hard_error "the reply is larger than 64 KiB, which no agent sends; is AGENT_ADDRESS right?" ;;
        *) hard_error "request failed (curl exit $rc): $(grep '^curl: ' "$curl_err" | tail -n 1 | one_line)" ;;
    esac
}

# ---------------------------------------------------------------------------------------------
# The requests.

# One request; sets code (the HTTP status) and rc (curl's exit status). Gives up at the deadline.
request_once() {
    now=$(date +%s)
    _left=$((deadline - now))
    if [ "$_left" -le 0 ]; then
        give_up
    fi
    attempt=$((attempt + 1))
    max_time=$request_timeout
    [ "$max_time" -le "$_left" ] || max_time=$_left
    _ct=$connect_timeout
    [ "$_ct" -le "$max_time" ] || _ct=$max_time
    # Emptied by the shell (no rm per attempt), so no earlier answer can be read by mistake.
    : >"$body"
    : >"$headers"
    : >"$curl_err"
    # -v only so that a failed connect says why ("Connection refused", "No route to host"); its
    # output stays in the private temp directory and only curl's own error line is ever shown.
    code=$(curl -q -sS -v --globoff --noproxy '*' --max-time "$max_time" --connect-timeout "$_ct" \
        --max-filesize 65536 -o "$body" -D "$headers" -w '%{http_code}' "$url" 2>"$curl_err")
    rc=$?
    now=$(date +%s)
}

request_loop() {
    url="http://$address/?gatewayType=SYNC&activationRegion=$region&endpointType=$endpoint_type&privateLinkEndpoint=$endpoint_ip&no_redirect"
    start=$(date +%s)
    deadline=$((start + overall))
    now=$start
    attempt=0
    last_kind=
    last_desc=
    logged_desc=
    logged_at=0
    while :; do
        request_once
        if [ "$rc" -eq 0 ]; then
            handle_answer
        else
            handle_curl_failure
        fi
    done
}

validate_inputs
require_curl
make_private_dir
request_loop
