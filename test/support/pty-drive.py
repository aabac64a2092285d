"""Drives a program through a real pseudo-terminal, as a person at a keyboard would.

Reads a JSON script on stdin: {"cmd": [...], "cwd": "...", "env": {...}, "timeout": s,
"steps": [{"expect": regex, "send": text}, ...]}. Each step waits until the screen output so far
(ANSI escapes stripped) matches `expect` after the previous match, then types `send`.
Prints JSON {"exitCode": n, "transcript": "...", "failedStep": i|null} on stdout.
"""
import json, os, pty, re, select, signal, sys, time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[78=>]")

def main():
    script = json.load(sys.stdin)
    deadline = time.time() + script.get("timeout", 60)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(script["cwd"])
        os.execvpe(script["cmd"][0], script["cmd"], {**os.environ, **script.get("env", {})})
    raw = b""
    consumed = 0
    failed = None

    def read_some(wait):
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    for index, step in enumerate(script["steps"]):
        pattern = re.compile(step["expect"])
        while True:
            text = ANSI.sub("", raw.decode("utf-8", "replace"))
            match = pattern.search(text, consumed)
            if match:
                consumed = match.end()
                break
            if time.time() > deadline or not read_some(0.1):
                failed = index
                break
        if failed is not None:
            break
        time.sleep(0.15)  # let the prompt finish drawing before typing, as a person would
        os.write(fd, step["send"].encode())

    if failed is not None:
        os.kill(pid, signal.SIGKILL)
    while time.time() < deadline and read_some(0.1):
        pass
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"exitCode": code, "transcript": ANSI.sub("", raw.decode("utf-8", "replace")), "failedStep": failed}))

main()
