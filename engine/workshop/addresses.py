"""Where teams can reach a workshop host: the machine's LAN addresses when it listens on every
interface (``0.0.0.0``), else the address it was bound to. No packet is sent to find them."""

import socket

WILDCARDS = ("0.0.0.0", "", "::")


def lan_addresses(bind: str) -> list:
    """Addresses teams can type to reach a host bound to ``bind`` (loopback only as a last resort)."""
    if bind not in WILDCARDS:
        return [bind]
    found = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))   # picks the interface of the default route; sends nothing
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        pass
    out = [a for a in dict.fromkeys(found) if not a.startswith("127.")]
    return out or ["127.0.0.1"]


def host_urls(bind: str, port: int) -> list:
    """``ws://ADDRESS:PORT`` for each of :func:`lan_addresses` (IPv6 addresses in brackets)."""
    return [f"ws://[{a}]:{port}" if ":" in a else f"ws://{a}:{port}" for a in lan_addresses(bind)]
