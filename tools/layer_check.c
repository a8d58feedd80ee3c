/* layer_check.c — nothing to run: linked whole with one layer's library and
 * only the layers below it, so a call upward fails the link (meson.build). */
int main(void)
{
	return 0;
}
