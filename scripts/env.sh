# Sourced by the scripts: puts the tools that setup.sh installs on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$(npm prefix --global)/bin:$PATH"
