/* common_han.h — see common_han.c. */
#ifndef NEWSDESK_COMMON_HAN_H
#define NEWSDESK_COMMON_HAN_H
extern const char nd_common_han[];
extern const char nd_common_hangul[];
#endif
