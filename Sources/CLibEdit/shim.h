#include <stdio.h>
#include <histedit.h>

// Swift cannot call C variadic functions (el_set, el_get, history), so each use the REPL needs
// gets a fixed-argument wrapper here. Nothing else belongs in this file.

typedef char *(*mlm_prompt_fn)(EditLine *);
typedef unsigned char (*mlm_command_fn)(EditLine *, int);

static inline EditLine *mlm_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int mlm_el_set_prompt(EditLine *el, mlm_prompt_fn prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int mlm_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int mlm_el_set_history(EditLine *el, History *handle) {
    return el_set(el, EL_HIST, history, handle);
}

static inline int mlm_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

/// Switches the terminal to raw mode now. el_gets does it only after printing the prompt, so
/// a Ctrl-C or Ctrl-D typed the moment the prompt appears would reach the terminal driver.
static inline int mlm_el_prepare_terminal(EditLine *el) {
    return el_set(el, EL_PREP_TERM, 1);
}

/// Makes a Swift function callable by name from key bindings (EL_ADDFN).
static inline int mlm_el_add_function(EditLine *el, const char *name, const char *help, mlm_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline History *mlm_history_init(int size) {
    History *handle = history_init();
    if (handle == NULL) return NULL;
    HistEvent event;
    history(handle, &event, H_SETSIZE, size);
    // Pressing Enter on a recalled line must not fill the history with copies.
    history(handle, &event, H_SETUNIQUE, 1);
    return handle;
}

static inline int mlm_history_enter(History *handle, const char *line) {
    HistEvent event;
    return history(handle, &event, H_ENTER, line);
}

static inline int mlm_history_load(History *handle, const char *path) {
    HistEvent event;
    return history(handle, &event, H_LOAD, path);
}

static inline int mlm_history_save(History *handle, const char *path) {
    HistEvent event;
    return history(handle, &event, H_SAVE, path);
}

/// Moves through the history: H_LAST is the oldest entry, H_PREV the next newer one. Returns
/// the entry's text, or NULL past the end.
static inline const char *mlm_history_step(History *handle, int op) {
    HistEvent event;
    if (history(handle, &event, op) == -1) return NULL;
    return event.str;
}
