"""Neural Network Lab's exercise harness (Check My Code).

Loads a learner's Python file and calls its functions the way the extension asks, then reports
what they returned, their local variables when they returned, and what they printed. It computes
no expected value: the extension compares every number with its own core.

Only the file's imports, functions and classes are executed, never its other top-level statements
(the tutorial's program trains and saves a plot at top level). Each check has its own time limit
and its own capped capture of print() output.

Protocol: one JSON request on stdin; one JSON object per line on the original standard output.
File descriptor 1 is pointed at standard error first, so nothing the learner's code or a library
writes can mix into the protocol.

One file on purpose: it runs by path with its own folder taken off sys.path (the folder also holds
the exercise template, which must never shadow the learner's neural_network.py).
"""
import ast
import builtins
import contextlib
import importlib
import io
import json
import linecache
import math
import os
import signal
import sys
import sysconfig
import threading
import time
import types

HARNESS_FILE = os.path.abspath(__file__)
MAX_ITEMS = 100_000  # longest list or array reported by value
MAX_REPR = 300

_protocol_fd = os.dup(1)
os.dup2(2, 1)


def emit(message):
    data = (json.dumps(message, allow_nan=False) + "\n").encode("utf-8")
    while data:
        written = os.write(_protocol_fd, data)
        data = data[written:]


class TimeLimit(BaseException):
    """Raised inside the learner's code when a check runs out of time."""


class OutputLimit(BaseException):
    """Raised inside print() when a check has printed more than it may."""


@contextlib.contextmanager
def time_limit(seconds):
    if hasattr(signal, "setitimer"):
        def on_alarm(signum, frame):
            raise TimeLimit()

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    else:  # Windows: no SIGALRM; interrupt the main thread from a timer instead
        import _thread

        fired = []

        def interrupt():
            fired.append(True)
            _thread.interrupt_main()

        timer = threading.Timer(seconds, interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield
        except KeyboardInterrupt:
            if fired:
                raise TimeLimit()
            raise
        finally:
            timer.cancel()


class CappedOutput(io.TextIOBase):
    """Keeps the first `keep` characters written; past `limit` it stops the learner's code."""

    def __init__(self, keep, limit):
        super().__init__()
        self.keep = keep
        self.limit = limit
        self.parts = []
        self.kept = 0
        self.total = 0

    def writable(self):
        return True

    @property
    def encoding(self):
        return "utf-8"

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        self.total += len(text)
        if self.kept < self.keep:
            part = text[: self.keep - self.kept]
            self.parts.append(part)
            self.kept += len(part)
        if self.total > self.limit:
            raise OutputLimit()
        return len(text)

    def text(self):
        return "".join(self.parts)


@contextlib.contextmanager
def captured_output(output):
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = output
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


# ---- values -------------------------------------------------------------------------------

def encode(value, np, depth=0):
    """JSON for a value: numbers as floats (NumPy 1 and 2 alike), arrays and sequences as lists."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return described(value, np)
    if isinstance(value, (int, float, np.integer, np.floating)):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            return described(value, np)
        if math.isfinite(number):
            return number
        return {"nonFinite": "nan" if number != number else ("inf" if number > 0 else "-inf")}
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "iuf" and value.size <= MAX_ITEMS:
            return encode(value.tolist(), np, depth)
        return described(value, np)
    if isinstance(value, (list, tuple)) and len(value) <= MAX_ITEMS and depth < 8:
        return [encode(item, np, depth + 1) for item in value]
    return described(value, np)


def described(value, np):
    try:
        text = repr(value)
    except Exception:
        text = "<unprintable>"
    if len(text) > MAX_REPR:
        text = text[: MAX_REPR - 1] + "…"
    result = {"repr": text, "type": type(value).__name__}
    if isinstance(value, np.ndarray):
        result["shape"] = list(value.shape)
    return result


def decode(argument, np):
    """An argument as the extension describes it: {"float": x}, {"int": n} or {"array": [...], "dtype": ...}."""
    if "float" in argument:
        return float(argument["float"])
    if "int" in argument:
        return int(argument["int"])
    return np.array(argument["array"], dtype=int if argument.get("dtype") == "int" else float)


# ---- errors -------------------------------------------------------------------------------

def frames_of(traceback_object):
    """The traceback's frames from the learner's code on (the harness's own frames are dropped)."""
    import traceback

    frames = []
    for frame in traceback.extract_tb(traceback_object):
        if os.path.abspath(frame.filename) == HARNESS_FILE:
            continue
        frames.append({"file": frame.filename, "line": frame.lineno or 0, "name": frame.name, "text": (frame.line or "").strip()})
    return frames[-30:]


def describe_error(error):
    if isinstance(error, TimeLimit):
        kind = "timeLimit"
    elif isinstance(error, OutputLimit):
        kind = "outputLimit"
    elif isinstance(error, SystemExit):
        kind = "exit"
    else:
        kind = "exception"
    try:
        message = str(error)
    except Exception:
        message = "<unprintable message>"
    result = {"kind": kind, "type": type(error).__name__, "message": message[:2000], "traceback": frames_of(error.__traceback__)}
    if isinstance(error, SyntaxError):
        result["line"] = error.lineno or 0
        result["column"] = error.offset or 0
        result["message"] = error.msg or message
        result["text"] = (error.text or "").rstrip("\n")[:500]
    if isinstance(error, SystemExit):
        result["message"] = repr(error.code)
    return result


# ---- loading the learner's file -----------------------------------------------------------

KEPT_STATEMENTS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def assigned_names(function_node):
    """Where each local name is first assigned: a failure message points at that line."""
    lines = {}

    def note(target, line):
        if isinstance(target, ast.Name):
            lines.setdefault(target.id, line)
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
            lines.setdefault("self." + target.attr, line)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                note(element, line)

    for node in ast.walk(function_node):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                note(target, node.lineno)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For)):
            note(node.target, node.lineno)
    return {name: line for name, line in sorted(lines.items(), key=lambda item: item[1])}


def definitions_of(tree):
    functions, classes = {}, {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions[node.name] = {"line": node.lineno, "assigned": assigned_names(node)}
        elif isinstance(node, ast.ClassDef):
            methods = {}
            for member in node.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    methods[member.name] = {"line": member.lineno, "assigned": assigned_names(member)}
            classes[node.name] = {"line": node.lineno, "methods": methods}
    return {"functions": functions, "classes": classes}


def future_flags(tree):
    import __future__

    flags = 0
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                feature = getattr(__future__, alias.name, None)
                if feature is not None:
                    flags |= feature.compiler_flag
    return flags


class LazyModule(types.ModuleType):
    """Stands for `import x` / `import x.y as z` until first used: a module that only the main
    block uses (matplotlib for the plot) is then never imported, which would cost a second."""

    def __init__(self, name, target, bind):
        super().__init__(name)
        self.__dict__["_lazy"] = (target, bind)

    def _load(self):
        target, bind = self.__dict__["_lazy"]
        importlib.import_module(target)
        return sys.modules[bind]

    def __getattr__(self, attribute):
        return getattr(self._load(), attribute)

    def __dir__(self):
        return dir(self._load())


def bind_lazily(node, namespace):
    """`import a.b as c` binds c to a.b; `import a.b` binds a. Modules already imported are bound as they are."""
    for alias in node.names:
        bound = alias.asname or alias.name.split(".")[0]
        module = alias.name if alias.asname else alias.name.split(".")[0]
        if alias.name in sys.modules:
            namespace[bound] = sys.modules[module]
        else:
            namespace[bound] = LazyModule(module, alias.name, module)


def load_module(path, source, seconds, output):
    """Runs the file's imports, defs and classes in a fresh module. Returns (module, report)."""
    tree = ast.parse(source, filename=path)
    name = os.path.splitext(os.path.basename(path))[0] or "learner"
    module = types.ModuleType(name)
    module.__file__ = path
    module.__builtins__ = builtins
    if name not in sys.modules:
        sys.modules[name] = module
    flags = future_flags(tree)
    skipped, import_failures = [], []
    with captured_output(output), time_limit(seconds):
        for node in tree.body:
            if not isinstance(node, KEPT_STATEMENTS):
                skipped.append({"line": node.lineno, "endLine": getattr(node, "end_lineno", node.lineno) or node.lineno})
                continue
            if isinstance(node, ast.Import):
                bind_lazily(node, module.__dict__)
                continue
            code = compile(ast.Module(body=[node], type_ignores=[]), path, "exec", flags=flags, dont_inherit=True)
            try:
                exec(code, module.__dict__)
            except ImportError as error:
                if not isinstance(node, (ast.Import, ast.ImportFrom)):
                    raise
                # e.g. matplotlib for the plot: the checks may not need it, so they go on without it
                import_failures.append(describe_error(error))
    return module, {"definitions": definitions_of(tree), "skipped": skipped, "importFailures": import_failures}


# ---- running checks -----------------------------------------------------------------------

class Recorder:
    """A profile function: the target's locals when its outermost call returns, and which of the
    checked functions it called (so a failure can say "train calls _update_parameters")."""

    # With no locals to capture, the calls of the first few thousand events tell which checked
    # functions are used; profiling all of train() would triple its time.
    EVENTS_WITHOUT_LOCALS = 5000

    def __init__(self, target_code, names, watched, np):
        self.target_code = target_code
        self.names = names
        self.watched = watched
        self.np = np
        self.depth = 0
        self.locals = None
        self.calls = set()
        self.events = 0

    def __call__(self, frame, event, argument):
        if not self.names:
            self.events += 1
            if self.events > self.EVENTS_WITHOUT_LOCALS:
                sys.setprofile(None)
                return
        if event == "call":
            code = frame.f_code
            if code is self.target_code:
                self.depth += 1
            else:
                name = self.watched.get(code)
                if name is not None:
                    self.calls.add(name)
        elif event == "return" and frame.f_code is self.target_code:
            if self.depth == 1 and self.locals is None:
                found = frame.f_locals
                self.locals = {n: encode(found[n], self.np) for n in self.names if n in found}
            self.depth -= 1


class RandintReplay:
    """np.random.randint that returns the lab's rows, one per call, so train() replays its run."""

    def __init__(self, real, count, rows):
        self.real = real
        self.count = count
        self.rows = rows
        self.position = 0
        self.other = 0

    def __call__(self, low, high=None, size=None, dtype=int):
        if size is None and self.position < len(self.rows):
            count = low if high is None else high - low
            if count == self.count:
                row = self.rows[self.position]
                self.position += 1
                return (0 if high is None else low) + row
        self.other += 1
        return self.real(low, high, size, dtype)


@contextlib.contextmanager
def replayed_randint(np, module, replay):
    if replay is None:
        yield None
        return
    real = np.random.randint
    fake = RandintReplay(real, replay["n"], replay["rows"])
    rebound = [key for key, value in module.__dict__.items() if value is real]
    np.random.randint = fake
    for key in rebound:
        module.__dict__[key] = fake
    try:
        yield fake
    finally:
        np.random.randint = real
        for key in rebound:
            module.__dict__[key] = real


def code_of(function):
    function = getattr(function, "__func__", function)
    while hasattr(function, "__wrapped__"):
        function = function.__wrapped__
    return getattr(function, "__code__", None)


def resolve(module, check):
    """The function or method to check, or None when the file does not define it."""
    owner = check.get("className")
    if owner:
        cls = module.__dict__.get(owner)
        if not isinstance(cls, type):
            return None, None
        function = getattr(cls, check["function"], None)
        if not callable(function) or code_of(function) is None:
            return cls, None
        return cls, function
    function = module.__dict__.get(check["function"])
    return None, function if callable(function) and code_of(function) is not None else None


def run_case(np, module, check, case, cls, function, watched):
    arguments = [decode(a, np) for a in case.get("args", [])]
    if case.get("construct"):
        target_code = code_of(cls.__init__)
        call = lambda: cls(*arguments)  # noqa: E731
        instance = None
    elif cls is not None:
        instance = cls.__new__(cls)
        for name, value in (case.get("instance") or {}).items():
            setattr(instance, name, decode(value, np))
        target_code = code_of(function)
        method = getattr(instance, check["function"])
        call = lambda: method(*arguments)  # noqa: E731
    else:
        instance = None
        target_code = code_of(function)
        call = lambda: function(*arguments)  # noqa: E731
    recorder = Recorder(target_code, case.get("capture", []), watched, np)
    with replayed_randint(np, module, case.get("replayRandint")) as replay:
        sys.setprofile(recorder)
        try:
            returned = call()
        finally:
            sys.setprofile(None)
    if case.get("construct"):
        instance = returned
    result = {"locals": recorder.locals or {}, "calls": sorted(recorder.calls)}
    if not case.get("construct"):
        result["returned"] = encode(returned, np)
    attributes = {}
    missing = object()
    for name in case.get("attributes", []):
        value = getattr(instance, name, missing)
        if value is not missing:
            attributes[name] = encode(value, np)
    result["attributes"] = attributes
    if replay is not None:
        result["randint"] = {"replayed": replay.position, "other": replay.other}
    return result


def run_check(np, module, check, watched, seconds, keep, limit):
    cls, function = resolve(module, check)
    if function is None:
        return {"missing": True}
    output = CappedOutput(keep, limit)
    cases, error = [], None
    started = time.perf_counter()
    try:
        with captured_output(output), time_limit(seconds):
            for case in check["cases"]:
                cases.append(run_case(np, module, check, case, cls, function, watched))
    except BaseException as caught:  # the learner's code may raise anything, SystemExit included
        error = describe_error(caught)
        error["case"] = len(cases)
    result = {"cases": cases, "output": output.text(), "outputChars": output.total,
              "seconds": time.perf_counter() - started}
    if error is not None:
        result["error"] = error
    return result


def no_core_files():
    """A crash of the learner's code must not leave a core file in their folder (the working directory)."""
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # no resource module (Windows), or a limit that cannot be lowered


def main():
    sys.dont_write_bytecode = True
    no_core_files()
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    seconds = float(request["timeLimitSeconds"])
    keep, limit = int(request["outputKeepChars"]), int(request["outputLimitChars"])
    try:
        import numpy as np
    except Exception as error:  # ImportError, or a broken installation
        emit({"event": "noNumpy", "python": sys.version.split()[0], "executable": sys.executable,
              "error": "%s: %s" % (type(error).__name__, error),
              "externallyManaged": os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")),
              "venv": sys.prefix != getattr(sys, "base_prefix", sys.prefix)})
        return
    emit({"event": "hello", "python": sys.version.split()[0], "executable": sys.executable, "numpy": np.__version__})

    path, source = request["file"], request["source"]
    # The learner's folder, not the harness's, is where their own imports are found.
    here = os.path.dirname(HARNESS_FILE)
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    sys.path.insert(0, os.path.dirname(path))
    # Tracebacks show the text that was checked (the editor's, maybe unsaved), not the file on disk.
    linecache.cache[path] = (len(source), None, source.splitlines(True), path)

    load_output = CappedOutput(keep, limit)
    try:
        module, report = load_module(path, source, seconds, load_output)
    except BaseException as error:
        emit({"event": "loadFailed", "error": describe_error(error), "output": load_output.text()})
        return
    emit(dict(event="loaded", output=load_output.text(), **report))

    watched = {}
    for check in request["checks"]:
        cls, function = resolve(module, check)
        code = code_of(function) if function is not None else None
        if code is not None:
            watched[code] = check["id"]
    for check in request["checks"]:
        emit({"event": "start", "id": check["id"]})
        result = run_check(np, module, check, watched, seconds, keep, limit)
        emit({"event": "result", "id": check["id"], "result": result})
    emit({"event": "done"})


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    # Threads or atexit handlers the learner's code left behind must not keep the check running.
    os._exit(0)
