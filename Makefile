# acsgen: generate Go clients from spec/, check that everything derived is current, test.
GO ?= go

.PHONY: generate check test lint golden

# The main job: spec/*.yaml → generated/<product>, plus oapi-codegen reference models
# and the Markdown reference under docs/ (after generated/, whose example tests it shows).
generate:
	$(GO) run ./cmd/acsgen generate --spec spec --out generated
	$(GO) run ./cmd/acsgen docs --spec spec --out docs
	$(GO) run ./contracttests/internal/refgen -spec spec -out contracttests/internal/oapiref

# Fails when generated code is stale or a spec has problems; writes nothing.
check:
	$(GO) run ./cmd/acsgen generate --spec spec --out generated --check
	$(GO) run ./cmd/acsgen docs --check
	$(GO) run ./cmd/acsgen lint spec
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

test:
	$(GO) test -count=1 ./...

lint:
	$(GO) vet ./...
	$(GO) run ./cmd/acsgen lint spec

# Rewrites the generator's golden files after an intended change in output.
golden:
	$(GO) test ./generator -run 'TestGolden|TestErrors' -update
