# acsgen: generate Go clients from spec/, check that everything derived is current, test.
GO ?= go

.PHONY: generate check test lint golden bench

# The main job: spec/*.yaml → generated/<product>, plus oapi-codegen reference models.
generate:
	$(GO) run ./cmd/acsgen generate --spec spec --out generated
	$(GO) run ./contracttests/internal/refgen -spec spec -out contracttests/internal/oapiref

# Fails when generated code is stale or a spec has problems; writes nothing.
check:
	$(GO) run ./cmd/acsgen generate --spec spec --out generated --check
	$(GO) run ./cmd/acsgen lint spec
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

test:
	$(GO) test -count=1 ./...
	cd bench && $(GO) vet ./... && $(GO) test -count=1 ./...

lint:
	$(GO) vet ./...
	$(GO) run ./cmd/acsgen lint spec

# Rewrites the generator's golden files after an intended change in output.
golden:
	$(GO) test ./generator -run 'TestGolden|TestErrors' -update

# Benchmarks against darabonba, alibaba-cloud-sdk-go, oapi-codegen and kin-openapi
# (bench/ is its own module). Takes a few minutes on 2 cores; prints the ratios
# BENCHMARKS.md records. The raw output stays in bench/bench.out.
BENCHTIME ?= 1s
bench:
	cd bench && $(GO) test -run '^$$' -bench . -benchtime=$(BENCHTIME) -timeout 30m . | tee bench.out
	cd bench && $(GO) run ./cmd/ratios < bench.out
