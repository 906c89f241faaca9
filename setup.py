"""The top-level ``workbooks/``, ``templates/`` and ``data/`` ship inside the package.

They stay at the top of the project, where facilitators and maintainers find
and edit them; a wheel (``pip install .``, ``pipx install .``) carries each as a
folder of ``facilitate``, where ``facilitate.core.paths`` finds it through
``importlib.resources``. Everything else is declared in ``pyproject.toml``.
"""

from setuptools import find_namespace_packages, setup

#: Package name in the wheel -> folder at the top of the project.
SHIPPED = {
    "facilitate.workbooks": "workbooks",
    "facilitate.templates": "templates",
    "facilitate.data": "data",
}

#: Their folders too, each named as a package, so the build knows every folder it
#: ships (otherwise setuptools warns about each one at every install).
SHIPPED_FOLDERS = [
    f"{package}.{folder}"
    for package, top in SHIPPED.items()
    for folder in find_namespace_packages(top)
]

setup(
    packages=[*find_namespace_packages("src"), *SHIPPED, *SHIPPED_FOLDERS],
    package_dir={"": "src", **SHIPPED},
)
