/* Alias of pmu_ethosu.h (the header name Arm's driver uses) under the name some ports include. */
#ifndef ETHOSU_PMU_H
#define ETHOSU_PMU_H
#include "pmu_ethosu.h"
#endif
