"""The filter reloadkit_ini_value: one option of an oslo.config-style INI text, as the running service reads it."""
import re

HEADER = re.compile(r'^\[([^\]]+)\]$')
ASSIGNMENT = re.compile(r'^([^=:\s]+)\s*[=:]\s*(.*)$')


def reloadkit_ini_value(text, section, option):
    """The last value of `option` in `[section]` of `text` ('' when absent); group names other than DEFAULT are case-insensitive."""
    wanted = section if section == 'DEFAULT' else section.lower()
    current = None
    value = ''
    for line in str(text).splitlines():
        stripped = line.strip()
        if not stripped or stripped[0] in '#;' or line[:1] in ' \t':
            continue
        header = HEADER.match(stripped)
        if header:
            name = header.group(1).strip()
            current = name if name == 'DEFAULT' else name.lower()
            continue
        assignment = ASSIGNMENT.match(stripped)
        if current == wanted and assignment and assignment.group(1) == option:
            value = assignment.group(2).strip()
    return value


class FilterModule:
    """Registers reloadkit_ini_value."""

    def filters(self):
        return {'reloadkit_ini_value': reloadkit_ini_value}
