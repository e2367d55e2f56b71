import rule from '../../src/rules/hadolint/dl3028.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`';

ruleTester(rule, {
  valid: [
    'FROM ruby:3.3\nRUN gem install \\\n      bundler:2.5.6 \\\n      rake:13.1.0\n',
    { name: 'version in a variable', code: 'FROM ruby:3.3\nARG BUNDLER_VERSION=2.5.6\nRUN gem install bundler:${BUNDLER_VERSION}\n' },
    { name: '-v / --version pins the command', code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.6 && gem install rails --version=7.1.3\n' },
    { name: 'build options after --', code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.2 -- --use-system-libraries\n' },
    { name: 'an option swallows the next word (as in hadolint)', code: 'FROM ruby:3.3\nRUN gem install --no-document bundler\n' },
  ],
  invalid: [
    {
      name: 'an unpinned gem after a pinned one',
      code: 'FROM ruby:3.3\nRUN gem install \\\n      bundler:2.5.6 \\\n      nokogiri\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the gem; -v on another command does not help',
      precisePositions: true,
      code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.6 \\\n && gem i rake\n',
      errors: [{ line: 3, column: 11, endColumn: 15, message }],
    },
    { name: 'ONBUILD RUN', code: 'FROM ruby:3.3\nONBUILD RUN gem i bundler\n', errors: [{ line: 2, message }] },
  ],
});
