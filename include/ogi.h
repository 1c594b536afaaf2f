/**
 * @file ogi.h
 * @brief libogi: read, check and write the annual reports on government information disclosure
 *        (政府信息公开工作年度报告). Include this header to get the whole public API.
 */
#ifndef OGI_H
#define OGI_H

#include "ogi/common.h"
#include "ogi/version.h"
#include "ogi/errors.h"
#include "ogi/sys/alloc.h"
#include "ogi/catalog.h"
#include "ogi/report.h"
#include "ogi/diagnostics.h"
#include "ogi/json.h"
#include "ogi/parse.h"
#include "ogi/validate.h"

#endif /* OGI_H */
