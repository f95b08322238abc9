// What several init systems' profiles share: the run options of an init that is not systemd.

// sysvinit, OpenRC and runit: SYS_ADMIN for the boot scripts' mounts, SYS_BOOT so that halting ends the container.
export const sysvRunOptions = ['--cap-add', 'SYS_ADMIN', '--cap-add', 'SYS_BOOT'];
