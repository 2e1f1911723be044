"""Runs the conflictmap program for an algorithm: progress to QGIS's feedback, cancel stops the program, and a
failure raises the program's own error message."""
import os
import re
import shutil
import subprocess
import threading
import time

from qgis.core import QgsProcessingException

PROGRAM_SETTING = "CONFLICTMAP_PROGRAM"
# "[####    ] 42%" and "… 42%": the progress the long commands print
PERCENT = re.compile(r"(\d{1,3})%")


def program_path():
    """The program the provider's setting names, else `conflictmap` on PATH."""
    configured = ""
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
        configured = ProcessingConfig.getSetting(PROGRAM_SETTING) or ""
    except Exception:  # outside QGIS's Processing (the tests run it directly)
        configured = ""
    configured = configured or os.environ.get(PROGRAM_SETTING, "")
    if configured:
        if not os.access(configured, os.X_OK):
            raise QgsProcessingException(f"the conflictmap program set in the provider's settings is not executable: {configured}")
        return configured
    found = shutil.which("conflictmap")
    if not found:
        raise QgsProcessingException("conflictmap is not on PATH: install it (cmake --install or the .deb), or set "
                                     "its path under Settings > Options > Processing > Providers > conflictmap")
    return found


def run(arguments, feedback):
    """Runs `conflictmap ARGUMENTS`; stderr lines go to the log, percentages to the progress bar. Returns stdout."""
    command = [program_path()] + [str(a) for a in arguments]
    feedback.pushCommandInfo(" ".join(command))
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8", errors="replace") as process:
        errors = []

        def read_errors():
            for line in process.stderr:
                line = line.rstrip("\n")
                errors.append(line)
                match = PERCENT.search(line)
                if match:
                    feedback.setProgress(min(100, int(match.group(1))))
                elif line:
                    feedback.pushInfo(line)

        output = []
        readers = [threading.Thread(target=read_errors, daemon=True),
                   threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)]
        for reader in readers:
            reader.start()
        while process.poll() is None:
            if feedback.isCanceled():
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                raise QgsProcessingException("cancelled: conflictmap was stopped")
            time.sleep(0.05)
        for reader in readers:
            reader.join()
    if process.returncode != 0:
        message = next((line for line in reversed(errors) if line.strip()), f"exit status {process.returncode}")
        raise QgsProcessingException(message)
    feedback.setProgress(100)
    return "".join(output)
