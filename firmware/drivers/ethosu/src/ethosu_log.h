/* Driver messages on stdout (the UART console): errors always, with an "E: ethosu: " prefix. */
#ifndef ETHOSU_LOG_H
#define ETHOSU_LOG_H

void ethosu_log_error(const char* format, ...) __attribute__((format(printf, 1, 2)));

#endif /* ETHOSU_LOG_H */
