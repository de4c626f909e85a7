#!/usr/bin/env bash
# Installs the Debian packages minifvp needs, only those that are missing. Used by run.sh and
# test.sh so that a fresh Debian 12 machine needs no other set-up step.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libboost-program-options-dev libspdlog-dev libfmt-dev libelf-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi
  python3 python3-numpy python3-torch python3-pil python3-matplotlib fonts-liberation
  qemu-system-arm
  gcc-12-source
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install_deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
