package load

// FileThen loads the spec at path like File and has then work on it, on another
// core beside kin-openapi's validation, for the generator to build while the
// spec is validated. then gets the spec once nothing but that validation is left
// to fail, and its doc is as it stays: validation and then only read it. Where
// the spec's doc still changes after validation (leniencies' stand-ins), then
// runs after it.
//
// then's result comes back only for a spec that loads. For one that does not,
// the error is File's, and then's work, possibly on a spec kin-openapi refuses,
// is waited for and thrown away, a panic in it included.
func FileThen[T any](o Options, path string, then func(*Spec) T) (*Spec, T, error) {
	var out, zero T
	o.then = &beside{work: func(spec *Spec) { out = then(spec) }, done: make(chan any, 1)}
	spec, err := o.File(path)
	if err != nil {
		return nil, zero, err
	}
	if !o.then.wait() {
		out = then(spec)
	}
	return spec, out, nil
}

// beside runs work on a spec on a goroutine of its own.
type beside struct {
	work    func(*Spec)
	done    chan any // work's panic, or nil
	started bool
}

func (b *beside) start(spec *Spec) {
	b.started = true
	go func() {
		defer func() { b.done <- recover() }()
		b.work(spec)
	}()
}

// wait waits for the work, if started, passing on its panic; it says whether
// the work ran.
func (b *beside) wait() bool {
	if !b.started {
		return false
	}
	b.started = false
	if p := <-b.done; p != nil {
		panic(p)
	}
	return true
}

// discard waits for the work, if any, and drops what it did, a panic included.
func (b *beside) discard() {
	if b != nil && b.started {
		b.started = false
		<-b.done
	}
}
