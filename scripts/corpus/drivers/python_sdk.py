"""The official GigaChat Python SDK as an app uses it: token, models, one chat, and on failure what
an app logs — logger.exception's line and traceback. Run by scripts/corpus/main.ts against the mock.
argv: auth_url base_url ca_file|'-' (the SDK's default trust when '-') timeout_seconds
The key comes from GIGACHAT_CREDENTIALS, never argv."""
import logging
import sys

from gigachat import GigaChat

logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")

auth_url, base_url, ca_file, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
options = dict(auth_url=auth_url, base_url=base_url, scope="GIGACHAT_API_PERS", model="GigaChat-2", timeout=timeout)
if ca_file != "-":
    options["ca_bundle_file"] = ca_file
try:
    with GigaChat(**options) as giga:
        giga.get_token()
        giga.get_models()
        giga.chat("ping")
    log.info("GigaChat answered")
except Exception:
    log.exception("GigaChat request failed")
    sys.exit(1)
