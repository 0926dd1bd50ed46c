package client

import "time"

// SetOutageTimes shortens how long c rides out an outage and how soon one
// is over, for tests.
func SetOutageTimes(c *Client, limit, gap time.Duration) { c.outageLimit, c.outageGap = limit, gap }
