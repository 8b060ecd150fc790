#ifndef DOSSIER_CNCURSESW_SHIM_H
#define DOSSIER_CNCURSESW_SHIM_H
// SwiftPM drops the -D flags that pkg-config gives, so define them here, before any include:
// the wide-character API (wget_wch, cchar_t, setcchar) and wcwidth need them.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Mutable C globals and function-like macros do not import into Swift 6: expose accessors.
static inline WINDOW *dossier_stdscr(void) { return stdscr; }
static inline int dossier_lines(void) { return LINES; }
static inline int dossier_cols(void) { return COLS; }
static inline int dossier_colors(void) { return COLORS; }
static inline int dossier_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *dossier_stdout(void) { return stdout; }
static inline FILE *dossier_stdin(void) { return stdin; }

static const attr_t dossier_A_NORMAL = A_NORMAL;
static const attr_t dossier_A_BOLD = A_BOLD;
static const attr_t dossier_A_REVERSE = A_REVERSE;
static const attr_t dossier_A_UNDERLINE = A_UNDERLINE;
static const attr_t dossier_A_DIM = A_DIM;
static const int dossier_KEY_CODE_YES = KEY_CODE_YES;

static inline int dossier_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

// Draws one cell: a base character plus any zero-width combining scalars.
static inline int dossier_put_cell(WINDOW *win, int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

// Mouse: clicks and the wheel (buttons 4 and 5).
static const mmask_t dossier_mouse_mask = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
static inline int dossier_mouse_is_click(mmask_t b) { return (b & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int dossier_mouse_is_wheel_up(mmask_t b) { return (b & BUTTON4_PRESSED) != 0; }
static inline int dossier_mouse_is_wheel_down(mmask_t b) { return (b & BUTTON5_PRESSED) != 0; }
#endif
