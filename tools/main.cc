#include <cstdio>
int main() { std::puts("annals"); return 0; }
