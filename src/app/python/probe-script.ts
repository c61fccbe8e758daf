/**
 * The probe the app's own interpreter runs: what it has installed, which CA file and proxy the
 * GigaChat SDK (httpx) would use, and a TLS handshake to each host with exactly those. It reads
 * its settings as argv[1] (JSON, no secrets), installs nothing, writes nothing, prints one JSON
 * document. Python 3.7+ (ssl.SSLCertVerificationError); only the standard library and, when present, certifi.
 */
export const PROBE_SCRIPT = String.raw`
import json, os, socket, ssl, sys, threading, base64
try:
    from urllib.request import getproxies, proxy_bypass_environment
    from urllib.parse import urlsplit, unquote
except ImportError:
    sys.exit(3)

cfg = json.loads(sys.argv[1])
timeout = cfg["timeoutMs"] / 1000.0
out = {"python": sys.version.split()[0], "executable": sys.executable,
       "venv": sys.prefix != getattr(sys, "base_prefix", sys.prefix)}

def version(dist, module):
    # find_spec first: asking the metadata about a package that is not there reads every folder on the path.
    try:
        import importlib.util
        if not importlib.util.find_spec(module):
            return None
    except Exception:
        return None
    try:
        from importlib import metadata
        return metadata.version(dist)
    except Exception:
        return "present"

out["packages"] = {name: version(name, module) for name, module in [
    ("gigachat", "gigachat"), ("langchain-gigachat", "langchain_gigachat"),
    ("httpx", "httpx"), ("requests", "requests"), ("certifi", "certifi")]}

# The SDK hands ca_bundle_file to httpx as verify=; without it httpx (trust_env) reads
# SSL_CERT_FILE / SSL_CERT_DIR, and else certifi's bundle.
ca, source = cfg.get("caBundle"), "GIGACHAT_CA_BUNDLE_FILE"
if not ca:
    if os.environ.get("SSL_CERT_FILE"):
        ca, source = os.environ["SSL_CERT_FILE"], "SSL_CERT_FILE"
    elif os.environ.get("SSL_CERT_DIR"):
        ca, source = os.environ["SSL_CERT_DIR"], "SSL_CERT_DIR"
    else:
        try:
            import certifi
            ca, source = certifi.where(), "certifi"
        except Exception:
            ca, source = None, "system"
out["ca"] = {"file": ca, "source": source, "exists": bool(ca) and os.path.exists(ca)}
out["requestsCaBundle"] = os.environ.get("REQUESTS_CA_BUNDLE") or None

proxies = getproxies()

def proxy_for(host, port):
    if proxy_bypass_environment(host, proxies) or proxy_bypass_environment("%s:%d" % (host, port), proxies):
        return None
    return proxies.get("https") or proxies.get("all")

def shown(proxy):
    p = urlsplit(proxy)
    return "%s://%s%s" % (p.scheme, p.hostname or "", ":%d" % p.port if p.port else "")

def context():
    if ca and os.path.isdir(ca):
        ctx = ssl.create_default_context(capath=ca)
    elif ca:
        ctx = ssl.create_default_context(cafile=ca)
    else:
        ctx = ssl.create_default_context()
    cert, key = os.environ.get("GIGACHAT_CERT_FILE"), os.environ.get("GIGACHAT_KEY_FILE")
    if cert:
        ctx.load_cert_chain(cert, key or None, os.environ.get("GIGACHAT_KEY_FILE_PASSWORD") or None)
    return ctx

def tunnel(proxy, host, port):
    p = urlsplit(proxy)
    sock = socket.create_connection((p.hostname, p.port or 80), timeout=timeout)
    head = "CONNECT %s:%d HTTP/1.1\r\nHost: %s:%d\r\n" % (host, port, host, port)
    if p.username:
        login = "%s:%s" % (unquote(p.username), unquote(p.password or ""))
        head += "Proxy-Authorization: Basic %s\r\n" % base64.b64encode(login.encode()).decode()
    sock.sendall((head + "\r\n").encode())
    answer = b""
    while b"\r\n\r\n" not in answer and len(answer) < 65536:
        chunk = sock.recv(4096)
        if not chunk:
            break
        answer += chunk
    status = answer.split(b"\r\n", 1)[0].decode("latin1", "replace")
    if len(status.split()) < 2 or status.split()[1] != "200":
        sock.close()
        raise ProxyRefused(status[:80] or "no answer")
    return sock

class ProxyRefused(Exception):
    pass

def handshake(target, ctx, result):
    host, port = target["host"], target["port"]
    proxy = proxy_for(host, port)
    result.update({"host": host, "port": port, "which": target["which"], "proxy": shown(proxy) if proxy else None, "ok": False})
    try:
        if isinstance(ctx, Exception):
            raise ctx
        sock = tunnel(proxy, host, port) if proxy else socket.create_connection((host, port), timeout=timeout)
        tls = ctx.wrap_socket(sock, server_hostname=host)
        result.update({"ok": True, "protocol": tls.version()})
        tls.close()
    except ssl.SSLCertVerificationError as e:
        result.update({"kind": "verify", "error": e.verify_message or str(e), "verifyCode": e.verify_code})
    except socket.timeout:
        result.update({"kind": "timeout", "error": "timed out"})
    except ConnectionRefusedError:
        result.update({"kind": "refused", "error": "connection refused"})
    except ProxyRefused as e:
        result.update({"kind": "proxy", "error": str(e)})
    except ssl.SSLError as e:
        result.update({"kind": "tls", "error": e.reason or str(e)})
    except (OSError, ValueError) as e:
        result.update({"kind": "network", "error": getattr(e, "strerror", None) or str(e)})

# One context for every host: loading a CA bundle is most of the probe's time.
try:
    shared = context()
except Exception as e:
    shared = e
results = [{} for _ in cfg["targets"]]
threads = [threading.Thread(target=handshake, args=(t, shared, r), daemon=True) for t, r in zip(cfg["targets"], results)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout + 1)
out["targets"] = [r if r else {"host": t["host"], "port": t["port"], "ok": False, "kind": "timeout", "error": "timed out"} for t, r in zip(cfg["targets"], results)]
sys.stdout.write(json.dumps(out))
`;
