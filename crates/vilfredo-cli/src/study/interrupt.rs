//! Ctrl-C during a study: the first stops new trials, the second kills running commands.
//!
//! Commands run in process groups of their own, so a Ctrl-C typed in the terminal
//! reaches only vilfredo, which decides: the first sets the study's stop flag (running
//! commands finish and are recorded), the second kills every running command's group.
//! The handler is installed once per process (the `ctrlc` crate runs it on a thread of
//! its own, not in signal context, so it may lock and print).

use std::collections::BTreeSet;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Ctrl-C presses since the current run began.
static PRESSES: AtomicUsize = AtomicUsize::new(0);
/// The current run's stop flag.
static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();
/// Process ids (= group ids) of the running commands.
static RUNNING: Mutex<BTreeSet<u32>> = Mutex::new(BTreeSet::new());

/// Installs the handler (once per process) and starts a run: returns its stop flag,
/// cleared, and resets the count of presses.
pub(crate) fn start_run() -> Arc<AtomicBool> {
    let stop = STOP.get_or_init(|| {
        // Without a handler (another one owns SIGINT in an embedding process), Ctrl-C
        // keeps its default meaning: the run simply stops.
        let _ = ctrlc::set_handler(on_ctrl_c);
        Arc::new(AtomicBool::new(false))
    });
    stop.store(false, Ordering::SeqCst);
    PRESSES.store(0, Ordering::SeqCst);
    Arc::clone(stop)
}

/// Whether Ctrl-C was pressed during this run.
pub(crate) fn interrupted() -> bool {
    PRESSES.load(Ordering::SeqCst) > 0
}

/// Whether running commands are to be killed (a second Ctrl-C).
pub(crate) fn killing() -> bool {
    PRESSES.load(Ordering::SeqCst) > 1
}

fn on_ctrl_c() {
    let n = PRESSES.fetch_add(1, Ordering::SeqCst) + 1;
    if let Some(stop) = STOP.get() {
        stop.store(true, Ordering::SeqCst);
    }
    let mut err = std::io::stderr().lock();
    if n == 1 {
        let _ = writeln!(
            err,
            "\nvilfredo: interrupted: no new trials; waiting for the running ones \
             (Ctrl-C again kills them)"
        );
    } else {
        let _ = writeln!(
            err,
            "\nvilfredo: interrupted again: killing the running commands"
        );
        let pids: Vec<u32> = RUNNING
            .lock()
            .map(|r| r.iter().copied().collect())
            .unwrap_or_default();
        for pid in pids {
            kill_group(pid);
        }
    }
}

/// Records a running command (its pid is its process group's id).
pub(crate) fn register(pid: u32) {
    if let Ok(mut r) = RUNNING.lock() {
        r.insert(pid);
    }
}

/// Forgets a command that ended.
pub(crate) fn unregister(pid: u32) {
    if let Ok(mut r) = RUNNING.lock() {
        r.remove(&pid);
    }
}

/// Kills the process group `pid` leads: the command and whatever it started.
#[cfg(unix)]
pub(crate) fn kill_group(pid: u32) {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::Pid;
    if let Ok(pid) = i32::try_from(pid) {
        // The group may be gone already; nothing to do then.
        let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
    }
}

/// Elsewhere the command alone is killed, by its `Child` handle (see `command`).
#[cfg(not(unix))]
pub(crate) fn kill_group(_pid: u32) {}
