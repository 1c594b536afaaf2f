"""Builds the Python package `ogi`: the SWIG module ogi._ogi compiled together with the C
sources of libogi, so that the installed package needs no libogi.so (only libcjson,
libutf8proc and libxml2, found with pkg-config).

    pip install --no-build-isolation --no-index ./bindings/python

Environment:
    OGI_SOURCE_DIR  the libogi source tree (default: two levels up from this file)
    OGI_SWIG        the swig executable (default: swig4.0 or swig on PATH)
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("OGI_SOURCE_DIR") or HERE.parent.parent).resolve()
SWIG_DIR = ROOT / "bindings" / "swig"
PKG_CONFIG_MODULES = ["libcjson", "libutf8proc", "libxml-2.0"]


def read_version():
    text = (ROOT / "include" / "ogi" / "version.h").read_text(encoding="utf-8")
    m = re.search(r'#define\s+OGI_VERSION\s+"([^"]+)"', text)
    if not m:
        sys.exit("setup.py: no OGI_VERSION in include/ogi/version.h")
    return m.group(1)


def pkg_config(*args):
    exe = shutil.which(os.environ.get("PKG_CONFIG", "pkg-config"))
    if not exe:
        sys.exit("setup.py: pkg-config not found (Debian: apt-get install pkg-config)")
    try:
        out = subprocess.run([exe, *args, *PKG_CONFIG_MODULES], check=True,
                             capture_output=True, text=True).stdout
    except subprocess.CalledProcessError as e:
        sys.exit(f"setup.py: pkg-config {' '.join(args)} {' '.join(PKG_CONFIG_MODULES)} failed:\n"
                 f"{e.stderr}(Debian: apt-get install libcjson-dev libutf8proc-dev libxml2-dev)")
    return shlex.split(out)


class BuildExt(build_ext):
    """Runs SWIG on bindings/swig/ogi.i, then compiles its wrapper with ../../lib/*.c."""

    def finalize_options(self):
        super().finalize_options()
        if not self.parallel:
            self.parallel = min(2, os.cpu_count() or 1)

    def run(self):
        for ext in self.extensions:
            self._prepare(ext)
        super().run()

    def _prepare(self, ext):
        swig = os.environ.get("OGI_SWIG") or shutil.which("swig4.0") or shutil.which("swig")
        if not swig:
            sys.exit("setup.py: swig not found (Debian: apt-get install swig)")
        lib_sources = sorted(str(p) for p in (ROOT / "lib").glob("*.c"))
        if not lib_sources:
            sys.exit(f"setup.py: no C sources in {ROOT / 'lib'} (set OGI_SOURCE_DIR)")
        # ogi/_ogi.py goes where the extension goes (build/lib... or the source package).
        pkg_dir = Path(self.get_ext_fullpath(ext.name)).parent
        pkg_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(self.build_temp)
        tmp.mkdir(parents=True, exist_ok=True)
        wrapper = tmp / "ogi_wrap.c"
        inputs = [SWIG_DIR / "ogi.i", SWIG_DIR / "python.i",
                  *(ROOT / "include").rglob("*.h"), *(ROOT / "include").rglob("*.def")]
        outputs = [wrapper, pkg_dir / "_ogi.py"]
        if self.force or not all(o.exists() for o in outputs) or \
                max(p.stat().st_mtime for p in inputs) > min(o.stat().st_mtime for o in outputs):
            cmd = [swig, "-python", "-builtin", "-doxygen", f"-I{ROOT / 'include'}", f"-I{SWIG_DIR}",
                   "-outdir", str(pkg_dir), "-o", str(wrapper), str(SWIG_DIR / "ogi.i")]
            print(" ".join(cmd))
            subprocess.run(cmd, check=True)
        ext.sources = [str(wrapper)] + lib_sources
        ext.depends = [str(p) for p in inputs] + sorted(str(p) for p in (ROOT / "lib").glob("*.h"))
        ext.include_dirs = [str(ROOT / "include"), str(ROOT / "lib")]
        cflags = pkg_config("--cflags")
        ext.include_dirs += [f[2:] for f in cflags if f.startswith("-I")]
        ext.extra_compile_args = ["-std=c11", "-fvisibility=hidden"] + \
            [f for f in cflags if not f.startswith("-I")]
        ext.define_macros = [("_POSIX_C_SOURCE", "200809L")]
        libs = pkg_config("--libs")
        ext.libraries = [f[2:] for f in libs if f.startswith("-l")]
        ext.library_dirs = [f[2:] for f in libs if f.startswith("-L")]
        ext.extra_link_args = [f for f in libs if not f.startswith(("-l", "-L"))] + ["-pthread"]


setup(
    version=read_version(),
    packages=["ogi"],
    package_data={"ogi": ["py.typed", "*.pyi"]},
    ext_modules=[Extension("ogi.__ogi", sources=[])],
    cmdclass={"build_ext": BuildExt},
    zip_safe=False,
)
