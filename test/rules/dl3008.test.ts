import rule from '../../src/rules/hadolint/dl3008.js';
import { ruleTester } from '../support/rule-tester.js';

const message =
  'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`';

ruleTester(rule, {
  valid: [
    {
      name: 'every package pinned, across continuation lines',
      code: [
        'FROM debian:12',
        'RUN apt-get update \\',
        '    && apt-get install -y --no-install-recommends \\',
        '        ca-certificates=20230311 \\',
        '        curl=7.88.1-10+deb12u5 \\',
        '    && rm -rf /var/lib/apt/lists/*',
        '',
      ].join('\n'),
    },
    {
      name: 'versions held in ARG/ENV variables are pinned (the `=` is there)',
      code: [
        'FROM debian:12',
        'ARG CURL_VERSION=7.88.1-10+deb12u5',
        'ENV GIT_VERSION=1:2.39.2-1.1',
        'RUN apt-get update && apt-get install -y --no-install-recommends \\',
        '      curl=${CURL_VERSION} \\',
        '      git="$GIT_VERSION" \\',
        '      "jq=${JQ_VERSION:-1.6-2.1}" \\',
        '    && rm -rf /var/lib/apt/lists/*',
        '',
      ].join('\n'),
    },
    {
      name: 'local .deb files and release-qualified packages',
      code: 'FROM ubuntu:22.04\nRUN apt-get install -y ./wkhtmltox_0.12.6-1.jammy_amd64.deb /tmp/extra.deb\nRUN apt-get install -y -t bookworm-backports golang/bookworm-backports\n',
    },
    {
      name: 'the -t value is a release, not a package',
      code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang-go=2:1.21~2~bpo12+1\n',
    },
    { name: 'apt (not apt-get) is DL3027’s business', code: 'FROM debian:12\nRUN apt install -y curl\n' },
    { name: 'text inside quotes is not analysed', code: 'FROM debian:12\nRUN sh -c "apt-get install -y curl"\n' },
    { name: 'apt-get update alone installs nothing', code: 'FROM debian:12\nRUN apt-get update\n' },
  ],
  invalid: [
    {
      name: 'one unpinned package among pinned ones (reported at the RUN line)',
      code: [
        'FROM debian:12',
        'RUN apt-get update \\',
        '    && apt-get install -y --no-install-recommends \\',
        '        ca-certificates=20230311 \\',
        '        curl \\',
        '    && rm -rf /var/lib/apt/lists/*',
        '',
      ].join('\n'),
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position points at the unpinned package',
      precisePositions: true,
      code: [
        'FROM debian:12',
        'RUN apt-get update \\',
        '    && apt-get install -y --no-install-recommends \\',
        '        ca-certificates=20230311 \\',
        '        curl \\',
        '    && rm -rf /var/lib/apt/lists/*',
        '',
      ].join('\n'),
      errors: [{ line: 5, column: 9, endColumn: 13, message }],
    },
    {
      name: 'a variable holding the package list counts as unpinned (as in hadolint)',
      code: 'FROM debian:12\nARG PACKAGES="curl git"\nRUN apt-get install -y $PACKAGES\n',
      errors: [{ line: 3, message }],
    },
    {
      name: 'ONBUILD RUN is checked; one finding per instruction',
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl && apt-get install -y git\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'each RUN is reported once',
      code: 'FROM debian:12\nRUN apt-get install -y curl\nRUN apt-get install -y git=1:2.39.2-1.1\nRUN apt-get -y install wget\n',
      errors: [
        { line: 2, message },
        { line: 4, message },
      ],
    },
  ],
});
