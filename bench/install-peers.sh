#!/usr/bin/env bash
# The peers the bench scripts compare against, from Debian's packages (PyPI is not reachable here):
# SciPy and pandas for Debian's own /usr/bin/python3 (the python3 on PATH may be another interpreter,
# e.g. pyenv's, without them), and hyperfine. Idempotent: installs only what is missing.
#
#   bash bench/install-peers.sh
set -euo pipefail

have_python_peers() { /usr/bin/python3 -c 'import scipy, pandas' 2>/dev/null; }

if have_python_peers && command -v hyperfine >/dev/null 2>&1; then
  echo "peers present: $(/usr/bin/python3 -c 'import scipy, pandas, numpy; print(f"SciPy {scipy.__version__}, pandas {pandas.__version__}, NumPy {numpy.__version__}")'), $(hyperfine --version)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-peers: run as root (apt-get install python3-scipy python3-pandas hyperfine)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y python3-scipy python3-pandas hyperfine

if ! have_python_peers; then
  echo "install-peers: /usr/bin/python3 still cannot import scipy and pandas" >&2
  exit 1
fi
/usr/bin/python3 -c 'import scipy, pandas, numpy; print(f"installed: SciPy {scipy.__version__}, pandas {pandas.__version__}, NumPy {numpy.__version__}")'
hyperfine --version
