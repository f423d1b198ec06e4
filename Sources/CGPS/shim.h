#ifndef CGPS_SHIM_H
#define CGPS_SHIM_H
#include <gps.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <pthread.h>
#include <time.h>

/* Helpers for what Swift cannot call or name directly: macro constants with
 * shifts and suffixes, the variadic gps_send behind gps_stream, and fields
 * of the ~49 KB gps_data_t reached through a pointer, so that Swift never
 * copies the whole struct just to read one field. Every symbol is cgps_. */

/* The WATCH flags SkyCue asks for: JSON reports, plus TOFF/PPS clock
 * reports when `clock_reports` (gpsd sends those only with "pps":true). */
static inline unsigned int cgps_watch_flags(bool clock_reports) {
    unsigned int flags = WATCH_ENABLE | WATCH_JSON;
    if (clock_reports) {
        flags |= WATCH_PPS;
    }
    return flags;
}

/* gps_stream writes ?WATCH to the socket; if gpsd has just died that write
 * raises SIGPIPE, whose default action kills the whole node. Block SIGPIPE
 * on this thread only (process-wide signal state is not ours to change),
 * swallow a SIGPIPE this write left pending, then restore the mask. Returns
 * gps_stream's result; errno is kept from the failed write. */
static inline int cgps_stream_nosigpipe(struct gps_data_t *data, unsigned int flags) {
    sigset_t pipe_set, old_set, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);
    int status = gps_stream(data, flags, NULL);
    int saved_errno = errno;
    sigemptyset(&pending);
    if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1
        && sigismember(&old_set, SIGPIPE) == 0) {
        struct timespec zero = {0, 0};
        (void)sigtimedwait(&pipe_set, NULL, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old_set, NULL);
    errno = saved_errno;
    return status;
}

/* Accessors through the pointer (see the header comment). */
static inline int cgps_fd(const struct gps_data_t *data) { return (int)data->gps_fd; }
static inline gps_mask_t cgps_set(const struct gps_data_t *data) { return data->set; }
static inline const struct gps_fix_t *cgps_fix(const struct gps_data_t *data) { return &data->fix; }
static inline struct timedelta_t cgps_toff(const struct gps_data_t *data) { return data->toff; }
static inline struct timedelta_t cgps_pps(const struct gps_data_t *data) { return data->pps; }
static inline bool cgps_time_is_set(gps_mask_t set) { return (set & TIME_SET) != 0; }
static inline int cgps_errno(void) { return errno; }

#endif
