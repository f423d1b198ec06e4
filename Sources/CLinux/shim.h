#ifndef CLINUX_SHIM_H
#define CLINUX_SHIM_H
/* Linux interfaces the node's event loop needs that Swift's Glibc module
 * does not export (epoll, timerfd, signalfd) and the cmsg macros Swift
 * cannot call. Every helper is prefixed clinux_. */
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <time.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

/* struct mmsghdr and recvmmsg are declared only under _GNU_SOURCE, which a
 * module cannot set for headers other modules already parsed: the same
 * layout under our own name, and the system call itself. */
struct clinux_mmsghdr {
    struct msghdr msg_hdr;
    unsigned int msg_len;
};

static inline int clinux_recvmmsg(int fd, struct clinux_mmsghdr *messages, unsigned int count, int flags) {
    return (int)syscall(SYS_recvmmsg, fd, messages, count, flags, NULL);
}

/* Bytes of control buffer one datagram needs for SO_TIMESTAMPNS. */
static inline size_t clinux_timestamp_control_size(void) {
    return CMSG_SPACE(sizeof(struct timespec));
}

/* The SCM_TIMESTAMPNS of a received message in ns since the Unix epoch
 * (CLOCK_REALTIME), or -1 when the kernel attached none. */
static inline int64_t clinux_receive_timestamp_ns(const struct msghdr *message) {
    for (struct cmsghdr *c = CMSG_FIRSTHDR(message); c != NULL;
         c = CMSG_NXTHDR((struct msghdr *)message, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
            struct timespec t;
            memcpy(&t, CMSG_DATA(c), sizeof t);
            return (int64_t)t.tv_sec * 1000000000 + (int64_t)t.tv_nsec;
        }
    }
    return -1;
}

/* epoll_event is packed on x86-64; set and read its data without Swift
 * having to agree with the layout. */
static inline void clinux_epoll_set(struct epoll_event *event, uint32_t events, uint64_t token) {
    event->events = events;
    event->data.u64 = token;
}
static inline uint64_t clinux_epoll_token(const struct epoll_event *event) { return event->data.u64; }
static inline uint32_t clinux_epoll_events(const struct epoll_event *event) { return event->events; }
static inline struct epoll_event *clinux_epoll_at(struct epoll_event *events, int i) { return &events[i]; }

#endif
