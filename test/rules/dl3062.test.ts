import rule from '../../src/rules/hadolint/dl3062.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nRUN go install \\\n      golang.org/x/tools/gopls@v0.16.1 \\\n      honnef.co/go/tools/cmd/staticcheck@${STATICCHECK_VERSION}\n',
    { name: 'local packages', code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go install ./cmd/... && go get . && go install /src/tools/gen\n' },
    { name: 'go run: only the program is checked', code: 'FROM golang:1.22\nRUN go run example.com/gen@v1.2.3 -out gen.go --force\n' },
    { name: 'go run of a local .go file (dockside extension)', code: 'FROM golang:1.22\nRUN go run build.go -goos=linux -goarch=amd64\n' },
    {
      name: 'values of Go build flags are not packages (dockside extension)',
      code: 'FROM golang:1.22\nRUN go install -tags netgo -p 4 github.com/golang-migrate/migrate/v4/cmd/migrate@v4.17.1\n',
    },
  ],
  invalid: [
    {
      name: 'an unpinned tool among pinned ones',
      code: 'FROM golang:1.22\nRUN go install \\\n      golang.org/x/tools/gopls@v0.16.1 \\\n      github.com/go-delve/delve/cmd/dlv\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position; @latest is not a pin',
      precisePositions: true,
      code: 'FROM golang:1.22\nRUN go mod download \\\n && go install gotest.tools/gotestsum@latest\n',
      errors: [{ line: 3, column: 16, endColumn: 45, message }],
    },
    {
      name: 'go get and go get -tool',
      code: 'FROM golang:1.22\nRUN go get github.com/sirupsen/logrus\nRUN go get -tool golang.org/x/tools/cmd/stringer\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
    },
    { name: 'ONBUILD RUN', code: 'FROM golang:1.22\nONBUILD RUN go run example.com/pkg\n', errors: [{ line: 2, message }] },
  ],
});
