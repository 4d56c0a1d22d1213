# One command to learn (make lab), one to test (make test). Both build .venv first.
# Override the interpreter with: make test PYTHON=python3.12
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EDIT   := $(VENV)/.editable

# The variables every kernel needs before TensorFlow loads: REQUIRED_ENV in helpers/environment.py
# (tests/test_project.py checks that these lines are exactly that; setup_lesson sets them too).
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export KERAS_BACKEND := tensorflow
export COLUMNS := 80
export PYTHONHASHSEED := 0

.PHONY: help venv lab test lint notebooks test-portability colab-links glossary translations test-colab clean \
	test-browser classroom test-classroom test-repo2docker

help:
	@echo "make lab               start JupyterLab on notebooks/ (builds .venv first)"
	@echo "make test              unit tests + every notebook under strict nbval"
	@echo "make lint              ruff (lint + format check, notebooks included) and mypy on helpers/"
	@echo "make notebooks         re-execute every notebook in place (the only way outputs are made)"
	@echo "make test-portability  nbval on every notebook with older CPU instruction sets"
	@echo "make colab-links       point every Colab badge and install cell at [tool.course] in pyproject.toml"
	@echo "make glossary          assemble notebooks/glossary.md from the lessons' glossaries"
	@echo "make translations      extract the helpers' messages into helpers/locale/ko/*.po, compile helpers.mo"
	@echo "make test-colab        run every notebook alone in a simulated Google Colab runtime"
	@echo "make test-browser      every lesson of both editions in JupyterLab in Chromium; a login to the hub"
	@echo "make classroom         serve the course to a class from one JupyterHub (loopback)"
	@echo "make test-classroom    simulated learners on that hub: memory, seconds, failures"
	@echo "make test-repo2docker  check the image repo2docker (Binder, Kubernetes) would build"
	@echo "make clean             remove .venv"

venv: $(EDIT)

# Rebuilt from scratch whenever requirements.txt changes.
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 10) <= v <= (3, 13) else "Python 3.10-3.13 is needed, this is %d.%d: run make PYTHON=python3.X" % v)'
	@echo "Installing the course's packages into $(VENV) (TensorFlow, JupyterLab, ...): about a minute with a fast"
	@echo "connection, longer on the first run. It only happens again when requirements.txt changes."
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The course's helpers package, editable: re-installed when pyproject.toml changes.
# JupyterLab's defaults for the course (make lab and make classroom's servers): no news pop-up and no
# update check, which ask the internet and interrupt a class (settings/jupyterlab-overrides.json).
$(EDIT): $(STAMP) pyproject.toml settings/jupyterlab-overrides.json
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp settings/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(EDIT)

# Listens on this computer only; prints the address to open. (--allow-root only when run as root.)
lab: $(EDIT)
	$(BIN)/jupyter lab --notebook-dir=notebooks --ip=127.0.0.1 --no-browser $(if $(filter 0,$(shell id -u)),--allow-root)

# Two pytest-xdist workers, one test file (or notebook) each at a time: a notebook's cells share a kernel.
test: $(EDIT)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# ruff and mypy read their settings from pyproject.toml. `ruff format .` fixes what the check reports.
lint: $(EDIT)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

notebooks: $(EDIT) colab-links
	$(BIN)/python tools/regenerate.py notebooks notebooks/ko
	$(BIN)/python tools/glossary.py

glossary: $(EDIT)
	$(BIN)/python tools/glossary.py

# The helpers' messages in Korean (tools/messages.py): new English messages go into the .po files
# (translate them there), then all .po files are compiled into the one helpers.mo that ships.
translations: $(EDIT)
	$(BIN)/python tools/messages.py update
	$(BIN)/python tools/messages.py compile
	$(BIN)/python tools/translations.py check

colab-links: $(EDIT)
	$(BIN)/python tools/colab_links.py

test-colab: $(EDIT)
	$(BIN)/python tools/colab_runtime.py

test-portability: $(EDIT)
	ONEDNN_MAX_CPU_ISA=AVX2 $(BIN)/python -m pytest notebooks
	ONEDNN_MAX_CPU_ISA=SSE41 $(BIN)/python -m pytest notebooks

# Teaching a class (README "Teaching a class"): requirements-classroom.txt on top of the course's own.
CLASSROOM := $(VENV)/.classroom
$(CLASSROOM): $(EDIT) requirements-classroom.txt
	$(BIN)/python -m pip install --quiet -r requirements-classroom.txt
	touch $(CLASSROOM)

test-browser: $(CLASSROOM)
	$(BIN)/python tools/browser_test.py --classroom

classroom: $(CLASSROOM)
	$(BIN)/python tools/classroom.py serve

test-classroom: $(CLASSROOM)
	$(BIN)/python tools/classroom.py load-test --learners 1 2 --lesson 00 --out build/classroom

test-repo2docker: $(CLASSROOM)
	$(BIN)/python tools/repo2docker_check.py

clean:
	rm -rf $(VENV) .venv-colab
