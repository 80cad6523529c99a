#ifndef MLM_MEMORY_HINTS_H
#define MLM_MEMORY_HINTS_H

/// Starts loading the cache line holding `address` for a read in the near future. Swift has no
/// prefetch of its own; the gradient-boosting histogram loop needs one (see
/// NodeHistograms.build): it visits a node's rows scattered over the table, and its long body
/// keeps the processor from looking far enough ahead to overlap those loads by itself.
static inline void mlm_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
