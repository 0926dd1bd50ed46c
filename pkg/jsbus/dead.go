package jsbus

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ErrDeadStreamFull: ARTICLES_DEAD has no room for the dead letters left to
// move; they stay where they are rather than push out those moved.
var ErrDeadStreamFull = errors.New("no room in " + StreamDead)

// MoveDeadLetters moves the dead letters that an ARTICLES stream of the
// earlier layout still holds (articles.dead.<stage>, kept there before
// ARTICLES_DEAD took the subject) to ARTICLES_DEAD, oldest first, and
// returns how many moved. Each is copied under a message id of its old
// sequence, then deleted from ARTICLES, so a move cut short and run again
// copies none twice within the duplicate window. It needs the operator's
// rights (reading and deleting messages of ARTICLES); run by
// 'newsflow dead-letters'.
func MoveDeadLetters(ctx context.Context, js jetstream.JetStream) (int, error) {
	s, err := js.Stream(ctx, StreamName)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", StreamName, err)
	}
	// Still the earlier layout (no service of this version has started):
	// a copy would land in ARTICLES again.
	if slices.Contains(s.CachedInfo().Config.Subjects, SubjectDeadPrefix+">") {
		return 0, nil
	}
	// ARTICLES_DEAD drops its oldest when full: a move that overfilled it
	// would lose the letters it moved first, their originals deleted.
	dead, err := js.Stream(ctx, StreamDead)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", StreamDead, err)
	}
	room := int64(-1)
	if info := dead.CachedInfo(); info.Config.MaxBytes > 0 {
		room = info.Config.MaxBytes - int64(info.State.Bytes)
	}
	pub := NewPublisher(js)
	moved := 0
	for seq := uint64(1); ; {
		m, err := s.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(SubjectDeadPrefix+">"))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return moved, nil
		}
		if err != nil {
			return moved, fmt.Errorf("read dead letter of %s after %d: %w", StreamName, seq, err)
		}
		// The letter's own headers, less the control ones (its old
		// Nats-Msg-Id above all), which would act on the copy's publish.
		hdr := nats.Header{}
		size := int64(len(m.Subject) + len(m.Data) + 128)
		for k, v := range m.Header {
			if !strings.HasPrefix(strings.ToLower(k), "nats-") {
				hdr[k] = v
				for _, x := range v {
					size += int64(len(k) + len(x) + 4)
				}
			}
		}
		if room >= 0 && size > room {
			return moved, fmt.Errorf("move dead letter %d: %w (raise STREAM_DEAD_MAX_BYTES; the letters not moved stay in %s)", m.Sequence, ErrDeadStreamFull, StreamName)
		}
		if room >= 0 {
			room -= size
		}
		ack, err := pub.Publish(ctx, m.Subject, "moved:"+strconv.FormatUint(m.Sequence, 10), m.Data, hdr)
		if err != nil {
			return moved, fmt.Errorf("move dead letter %d: %w", m.Sequence, err)
		}
		if ack.Stream != StreamDead {
			return moved, fmt.Errorf("move dead letter %d: stored in %s, not %s", m.Sequence, ack.Stream, StreamDead)
		}
		if err := s.DeleteMsg(ctx, m.Sequence); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			return moved, fmt.Errorf("move dead letter %d: delete from %s: %w", m.Sequence, StreamName, err)
		}
		moved++
		seq = m.Sequence + 1
	}
}

// FollowSubjects calls fn for each new message (from deliver on) on
// subjects, which may lie in several streams (stage outputs in ARTICLES,
// dead letters in ARTICLES_DEAD): one ordered consumer per stream, so fn
// may be called from several goroutines at once. stop ends them all.
func FollowSubjects(ctx context.Context, js jetstream.JetStream, subjects []string, deliver jetstream.DeliverPolicy, fn jetstream.MessageHandler) (stop func(), err error) {
	byStream := map[string][]string{}
	var order []string
	for _, s := range subjects {
		name := StreamOfSubject(s)
		if byStream[name] == nil {
			order = append(order, name)
		}
		byStream[name] = append(byStream[name], s)
	}
	var ccs []jetstream.ConsumeContext
	stop = func() {
		for _, cc := range ccs {
			cc.Stop()
		}
	}
	for _, name := range order {
		oc, err := js.OrderedConsumer(ctx, name, jetstream.OrderedConsumerConfig{FilterSubjects: byStream[name], DeliverPolicy: deliver})
		if err != nil {
			stop()
			return nil, fmt.Errorf("follow %s: %w", name, err)
		}
		cc, err := oc.Consume(fn)
		if err != nil {
			stop()
			return nil, fmt.Errorf("follow %s: %w", name, err)
		}
		ccs = append(ccs, cc)
	}
	return stop, nil
}
