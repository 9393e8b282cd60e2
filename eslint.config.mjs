// ESLint for every TypeScript file of the repository (make lint). typescript-eslint's recommended
// rules, plus what the code style asks for: no unused code, no floating promises in the provider
// (a lost rejection surfaces as a stray engine error).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["build/**", "dist/**", "sdk/**", "**/node_modules/**", "**/bin/**", "examples/**/node_modules/**", ".venv/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            // Shared input interfaces are composed with `extends`; an interface that only extends one is the point.
            "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
        },
    },
    {
        // Small CommonJS helper scripts the shell tests run with node.
        files: ["**/*.js"],
        languageOptions: {
            sourceType: "commonjs",
            globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly", Buffer: "readonly" },
        },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        // Test doubles and harnesses speak the wire format, where values are untyped by nature.
        files: ["tests/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
);
