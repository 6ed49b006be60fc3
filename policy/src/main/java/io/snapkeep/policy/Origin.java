package io.snapkeep.policy;

/** How a snapshot came to be; retention prunes SCHEDULED ones (every origin under the free tier). */
public enum Origin {
    ON_DEMAND, SCHEDULED, UPLOADED
}
