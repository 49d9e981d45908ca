"""Build the native walk kernel (``convert/extract/html/_walk.pyx``) in place, for measuring
(the prototype parked in this folder goes back there first: see README.md).

    PYTHONPATH=/tmp/cy python -m tests.bench.kernel.build LEXBOR_SOURCE

``LEXBOR_SOURCE`` is the ``lexbor/source`` folder of the selectolax sdist the installed wheel
was built from (``pip download --no-binary :all: selectolax``): the kernel reads lexbor's
structs through its headers and cimports selectolax's ``lexbor.pxd`` for ``LexborNode``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import selectolax
from Cython.Build import cythonize
from setuptools import Extension
from setuptools.dist import Distribution

ROOT = Path(__file__).resolve().parents[3]


def main() -> None:
    lexbor = Path(sys.argv[1]).resolve()
    site = Path(selectolax.__file__).resolve().parents[1]
    ext = Extension("convert.extract.html._walk", ["convert/extract/html/_walk.pyx"],
                    include_dirs=[str(lexbor)], define_macros=[("LEXBOR_STATIC", None)],
                    extra_compile_args=["-O2"], libraries=["dl"])
    dist = Distribution({"ext_modules": cythonize([ext], include_path=[str(site)],
                                                  language_level=3, quiet=True)})
    cmd = dist.get_command_obj("build_ext")
    cmd.inplace = True
    dist.run_command("build_ext")


if __name__ == "__main__":
    import os
    os.chdir(ROOT)
    main()
